// Loads a space for an actor and checks the policy for what they want to do there.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { currentCharter } from "@/lib/charter/data";
import { authorize, policyTable, type Action, type SpaceRole } from "@/lib/policy";
import { DomainError } from "@/lib/result";
import { getSpaceAccess, type SpaceAccess } from "@/lib/spaces/data";
import type { Charter } from "@/lib/charter/rules";

/** Which roles the charter gives to a charter-governed action. */
function charterRolesFor(action: Action, charter: Charter): readonly SpaceRole[] | undefined {
  if (action === "member.invite" || action === "member.add") return charter.membership.whoInvites;
  if (action === "audit.file") return charter.audits.fileRoles;
  return undefined;
}

/**
 * The space and the actor's role, after the policy allowed `action`. A private space answers NOT_FOUND to
 * non-members exactly like a missing one, so its existence does not leak.
 */
export async function requireSpace(actor: Actor | null, slug: string, action: Action = "space.view"): Promise<SpaceAccess & { charter?: Charter }> {
  const access = await getSpaceAccess(slug, actor?.id ?? null);
  if (!access) throw new DomainError("NOT_FOUND", "No such space.", "not_found");
  const governed = policyTable[action].who.kind === "charter";
  const charter = governed ? (await currentCharter(access.space.id)).charter : undefined;
  authorize(actor, action, {
    space: { visibility: access.space.visibility, role: access.role },
    charterRoles: charter ? charterRolesFor(action, charter) : undefined,
  });
  return { ...access, charter };
}
