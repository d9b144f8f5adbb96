// Changing a member's role, owners only by whom the charter lets grant ownership.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { currentCharter } from "@/lib/charter/data";
import { getMembership } from "@/lib/members/data";
// The write is named for what it changes (changeMemberRole); reached through the module like the other membership writes.
import * as mutations from "@/lib/members/mutations";
import { spaceFacts } from "@/lib/members/use-cases/space-facts";
import { refusalOf } from "@/lib/policy";
import type { SpaceRole } from "@/lib/policy-resource";
import { ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export async function changeRole(actor: Actor | null, input: { spaceSlug: string; userId: string; role: SpaceRole }) {
  const access = await requireSpace(actor, input.spaceSlug, "member.change-role");
  const [{ charter }, target] = await Promise.all([currentCharter(access.space.id), getMembership(access.space.id, input.userId)]);
  // The policy decides on the target's role as read now; the mutation checks it again on the locked rows.
  const refused = target && refusalOf(actor, "member.change-role", { space: spaceFacts(access), charter, roleChange: { from: target.role, to: input.role } });
  if (refused) return refused;
  const changed = await mutations.changeMemberRole({
    spaceId: access.space.id,
    actorId: actor!.id,
    userId: input.userId,
    toRole: input.role,
    whoGrantsOwner: charter.membership.whoGrantsOwner,
  });
  return changed.ok ? ok({ userId: input.userId, role: input.role }) : changed;
}
