// Reading a space's webhooks and one endpoint's delivery log: stewards only (the log shows what receivers answered).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { getWebhook, listDeliveries, listWebhooks } from "@/lib/webhooks/data";
import { deliveryView, webhookView, type DeliveryView, type WebhookView } from "@/lib/webhooks/view";

export const noSuchWebhook = () => fail("NOT_FOUND", "No such webhook in this space.", "not_found");

export async function spaceWebhooks(actor: Actor | null, spaceSlug: string) {
  const access = await requireSpace(actor, spaceSlug, "webhook.manage");
  return { access, webhooks: (await listWebhooks(access.space.id)).map(webhookView) };
}

export async function spaceWebhook(actor: Actor | null, input: { spaceSlug: string; webhookId: string }): Promise<Result<WebhookView>> {
  const access = await requireSpace(actor, input.spaceSlug, "webhook.manage");
  const webhook = await getWebhook(access.space.id, input.webhookId);
  return webhook ? ok(webhookView(webhook)) : noSuchWebhook();
}

export async function webhookDeliveries(actor: Actor | null, input: { spaceSlug: string; webhookId: string }): Promise<Result<{ deliveries: DeliveryView[] }>> {
  const access = await requireSpace(actor, input.spaceSlug, "webhook.manage");
  const webhook = await getWebhook(access.space.id, input.webhookId);
  if (!webhook) return noSuchWebhook();
  return ok({ deliveries: (await listDeliveries(webhook.id)).map(deliveryView) });
}
