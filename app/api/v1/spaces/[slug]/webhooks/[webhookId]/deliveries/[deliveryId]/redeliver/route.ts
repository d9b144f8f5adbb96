import { apiRoute, readBody } from "@/lib/api/handler";
import { noBody } from "@/lib/validation";
import { redeliverWebhook } from "@/lib/webhooks/use-cases/redeliver-webhook";

export const POST = apiRoute<{ slug: string; webhookId: string; deliveryId: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, noBody);
  if (!body.ok) return body;
  return redeliverWebhook(actor, { spaceSlug: params.slug, webhookId: params.webhookId, deliveryId: params.deliveryId });
});
