// A steward deletes an endpoint: its log goes with it and nothing more is delivered to it.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import * as mutations from "@/lib/webhooks/mutations";
import type { WebhookRefInput } from "@/lib/webhooks/schema";
import { noSuchWebhook } from "@/lib/webhooks/use-cases/list-webhooks";

export async function deleteWebhook(actor: Actor | null, input: WebhookRefInput) {
  const access = await requireSpace(actor, input.spaceSlug, "webhook.manage");
  const deleted = await mutations.deleteWebhook({ spaceId: access.space.id, webhookId: input.webhookId, actorId: actor!.id });
  return deleted ? ok({ deleted: input.webhookId }) : noSuchWebhook();
}
