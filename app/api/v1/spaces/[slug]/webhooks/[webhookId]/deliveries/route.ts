import { apiRoute } from "@/lib/api/handler";
import { webhookDeliveries } from "@/lib/webhooks/use-cases/list-webhooks";

export const GET = apiRoute<{ slug: string; webhookId: string }>(async ({ actor, params }) => webhookDeliveries(actor, { spaceSlug: params.slug, webhookId: params.webhookId }));
