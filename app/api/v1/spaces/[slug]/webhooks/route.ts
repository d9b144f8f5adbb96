import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { createWebhookFields } from "@/lib/webhooks/schema";
import { createWebhook } from "@/lib/webhooks/use-cases/create-webhook";
import { spaceWebhooks } from "@/lib/webhooks/use-cases/list-webhooks";

const spaceWebhooksEndpoint = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const { webhooks } = await spaceWebhooks(actor, params.slug);
  return ok({ webhooks });
});

// The action's schema (createWebhookInput) less the space, which the path names.
const createWebhookEndpoint = apiRoute<{ slug: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, createWebhookFields);
    if (!body.ok) return body;
    return createWebhook(actor, { spaceSlug: params.slug, ...body.data });
  },
  { status: 201 },
);

export { spaceWebhooksEndpoint as GET, createWebhookEndpoint as POST };
