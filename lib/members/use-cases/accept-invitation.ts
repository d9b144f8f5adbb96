// Accepting an invitation link.
import "server-only";
import type { Actor } from "@/lib/auth/session";
// The write shares this use case's name (one name per use case in every layer), so it is reached through the module.
import * as mutations from "@/lib/members/mutations";
import { authorize } from "@/lib/policy";
import type { SpaceRole } from "@/lib/policy-resource";
import { ok, type Result } from "@/lib/result";
import { hashToken } from "@/lib/tokens/rules";

export async function acceptInvitation(actor: Actor | null, input: { token: string }): Promise<Result<{ spaceSlug: string; role: SpaceRole }>> {
  authorize(actor, "invitation.accept");
  const accepted = await mutations.acceptInvitation({ tokenHash: hashToken(input.token), userId: actor!.id, now: new Date() });
  return accepted.ok ? ok({ spaceSlug: accepted.data.spaceSlug, role: accepted.data.role }) : accepted;
}
