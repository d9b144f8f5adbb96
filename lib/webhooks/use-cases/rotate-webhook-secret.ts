// A steward replaces an endpoint's signing secret; the new one is shown once, and signs every later attempt.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { getWebhook } from "@/lib/webhooks/data";
import * as mutations from "@/lib/webhooks/mutations";
import type { WebhookRefInput } from "@/lib/webhooks/schema";
import { noSuchWebhook } from "@/lib/webhooks/use-cases/list-webhooks";
import { webhookView } from "@/lib/webhooks/view";

export async function rotateWebhookSecret(actor: Actor | null, input: WebhookRefInput) {
  const access = await requireSpace(actor, input.spaceSlug, "webhook.manage");
  const secret = await mutations.rotateWebhookSecret({ spaceId: access.space.id, webhookId: input.webhookId, actorId: actor!.id });
  if (!secret) return noSuchWebhook();
  const webhook = await getWebhook(access.space.id, input.webhookId);
  return ok({ ...webhookView(webhook!), secret });
}
