// A steward changes an endpoint's address, description, filter, or turns it on or off.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { requireSpace } from "@/lib/spaces/access";
import * as mutations from "@/lib/webhooks/mutations";
import type { UpdateWebhookInput } from "@/lib/webhooks/schema";
import { refuseTarget } from "@/lib/webhooks/use-cases/check-target";
import { noSuchWebhook, spaceWebhook } from "@/lib/webhooks/use-cases/list-webhooks";

export async function updateWebhook(actor: Actor | null, input: UpdateWebhookInput) {
  const access = await requireSpace(actor, input.spaceSlug, "webhook.manage");
  const { spaceSlug, webhookId, ...change } = input;
  if (change.url) {
    const refused = await refuseTarget(change.url);
    if (refused) return refused;
  }
  const updated = await mutations.updateWebhook({ spaceId: access.space.id, webhookId, actorId: actor!.id, change });
  if (!updated.found) return noSuchWebhook();
  return spaceWebhook(actor, { spaceSlug, webhookId });
}
