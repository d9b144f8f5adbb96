// Creating an invitation link for a role, valid for some days.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
// The write shares this use case's name (one name per use case in every layer), so it is reached through the module.
import * as mutations from "@/lib/members/mutations";
import { spaceFacts } from "@/lib/members/use-cases/space-facts";
import { refusalOf } from "@/lib/policy";
import type { SpaceRole } from "@/lib/policy-resource";
import { ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { hashToken } from "@/lib/tokens/rules";

const INVITE_PREFIX = "cw_inv_";

export async function createInvitation(actor: Actor | null, input: { spaceSlug: string; role: SpaceRole; expiresInDays: number }, now = new Date()) {
  const access = await requireSpace(actor, input.spaceSlug, "member.invite");
  const refused = refusalOf(actor, "member.invite", { space: spaceFacts(access), charter: access.charter, grant: input.role });
  if (refused) return refused;
  const token = INVITE_PREFIX + randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 24 * 3600 * 1000);
  const created = await mutations.createInvitation({ spaceId: access.space.id, actorId: actor!.id, role: input.role, tokenHash: hashToken(token), expiresAt });
  return ok({ id: created.id, path: `/invite/${token}`, role: input.role, expiresAt: expiresAt.toISOString() });
}
