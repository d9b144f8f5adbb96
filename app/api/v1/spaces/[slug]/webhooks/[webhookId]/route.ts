import { apiRoute, readBody } from "@/lib/api/handler";
import { noBody } from "@/lib/validation";
import { updateWebhookFields } from "@/lib/webhooks/schema";
import { deleteWebhook } from "@/lib/webhooks/use-cases/delete-webhook";
import { spaceWebhook } from "@/lib/webhooks/use-cases/list-webhooks";
import { updateWebhook } from "@/lib/webhooks/use-cases/update-webhook";

type Params = { slug: string; webhookId: string };

const webhookEndpoint = apiRoute<Params>(async ({ actor, params }) => spaceWebhook(actor, { spaceSlug: params.slug, webhookId: params.webhookId }));

const updateWebhookEndpoint = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, updateWebhookFields);
  if (!body.ok) return body;
  return updateWebhook(actor, { spaceSlug: params.slug, webhookId: params.webhookId, ...body.data });
});

const deleteWebhookEndpoint = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, noBody);
  if (!body.ok) return body;
  return deleteWebhook(actor, { spaceSlug: params.slug, webhookId: params.webhookId });
});

export { webhookEndpoint as GET, updateWebhookEndpoint as PATCH, deleteWebhookEndpoint as DELETE };
