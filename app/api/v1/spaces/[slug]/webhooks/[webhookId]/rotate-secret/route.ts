import { apiRoute, readBody } from "@/lib/api/handler";
import { noBody } from "@/lib/validation";
import { rotateWebhookSecret } from "@/lib/webhooks/use-cases/rotate-webhook-secret";

export const POST = apiRoute<{ slug: string; webhookId: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, noBody);
  if (!body.ok) return body;
  return rotateWebhookSecret(actor, { spaceSlug: params.slug, webhookId: params.webhookId });
});
