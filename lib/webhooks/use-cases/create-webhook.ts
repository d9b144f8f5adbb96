// A steward registers an endpoint; the answer carries its secret, the only time it is shown.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { getWebhook } from "@/lib/webhooks/data";
import * as mutations from "@/lib/webhooks/mutations";
import type { CreateWebhookInput } from "@/lib/webhooks/schema";
import { refuseTarget } from "@/lib/webhooks/use-cases/check-target";
import { webhookView } from "@/lib/webhooks/view";

export async function createWebhook(actor: Actor | null, input: CreateWebhookInput) {
  const access = await requireSpace(actor, input.spaceSlug, "webhook.manage");
  const refused = await refuseTarget(input.url);
  if (refused) return refused;
  const { spaceSlug: _slug, ...settings } = input;
  const created = await mutations.createWebhook({ ...settings, spaceId: access.space.id, actorId: actor!.id });
  const webhook = await getWebhook(access.space.id, created.id);
  return ok({ ...webhookView(webhook!), secret: created.secret });
}
