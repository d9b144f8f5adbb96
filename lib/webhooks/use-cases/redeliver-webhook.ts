// A steward sends one delivery again, with the same webhook-id (receivers that saw it already can ignore it).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { fail, ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { getDelivery, getWebhook } from "@/lib/webhooks/data";
import * as mutations from "@/lib/webhooks/mutations";
import type { RedeliverInput } from "@/lib/webhooks/schema";
import { noSuchWebhook } from "@/lib/webhooks/use-cases/list-webhooks";
import { deliveryView } from "@/lib/webhooks/view";

export async function redeliverWebhook(actor: Actor | null, input: RedeliverInput) {
  const access = await requireSpace(actor, input.spaceSlug, "webhook.manage");
  const webhook = await getWebhook(access.space.id, input.webhookId);
  if (!webhook) return noSuchWebhook();
  if (!webhook.enabled) return fail("WEBHOOK_DISABLED", "This webhook is turned off; turn it on before sending a delivery again.", "rule");
  const delivery = await getDelivery(webhook.id, input.deliveryId);
  if (!delivery) return fail("NOT_FOUND", "No such delivery for this webhook.", "not_found");
  await mutations.requestRedelivery({ spaceId: access.space.id, webhookId: webhook.id, deliveryId: delivery.id, actorId: actor!.id });
  return ok(deliveryView((await getDelivery(webhook.id, delivery.id))!));
}
