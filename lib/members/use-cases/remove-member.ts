// Removing a member, or yourself (leaving).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getMembership } from "@/lib/members/data";
// The write shares this use case's name (one name per use case in every layer), so it is reached through the module.
import * as mutations from "@/lib/members/mutations";
import { spaceFacts } from "@/lib/members/use-cases/space-facts";
import { refusalOf } from "@/lib/policy";
import { ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export async function removeMember(actor: Actor | null, input: { spaceSlug: string; userId: string }) {
  const self = actor?.id === input.userId;
  const access = await requireSpace(actor, input.spaceSlug, self ? "member.leave" : "member.remove");
  if (!self) {
    // The policy decides on the target's role as read now; the mutation checks it again on the locked rows.
    const target = await getMembership(access.space.id, input.userId);
    const refused = target && refusalOf(actor, "member.remove", { space: spaceFacts(access), targetRole: target.role });
    if (refused) return refused;
  }
  const removed = await mutations.removeMember({ spaceId: access.space.id, actorId: actor!.id, userId: input.userId });
  return removed.ok ? ok({ userId: input.userId }) : removed;
}
