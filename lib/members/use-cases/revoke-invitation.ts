// Revoking an invitation link.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getInvitation } from "@/lib/members/data";
// The write shares this use case's name (one name per use case in every layer), so it is reached through the module.
import * as mutations from "@/lib/members/mutations";
import { spaceFacts } from "@/lib/members/use-cases/space-facts";
import { refusalOf } from "@/lib/policy";
import { fail, ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

/** Revoking a link needs the same right as creating it for that role: who may not invite as an owner may not revoke an owner's link. */
export async function revokeInvitation(actor: Actor | null, input: { spaceSlug: string; invitationId: string }, now = new Date()) {
  const access = await requireSpace(actor, input.spaceSlug, "member.invite");
  const invitation = await getInvitation(access.space.id, input.invitationId);
  if (!invitation) return fail("INVITATION_NOT_FOUND", "No such invitation in this space.", "not_found");
  const refused = refusalOf(actor, "member.invite", { space: spaceFacts(access), charter: access.charter, grant: invitation.role });
  if (refused) return refused;
  const revoked = await mutations.revokeInvitation({ spaceId: access.space.id, actorId: actor!.id, invitationId: invitation.id, now });
  return revoked.ok ? ok({ id: invitation.id, role: revoked.data.role }) : revoked;
}
