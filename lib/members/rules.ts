// Pure membership rules: the space never losing its last owner, with the policy's say on who hands out ownership.
import { ownerChangeRefusal, ownerRemovalRefusal } from "@/lib/policy-conditions";
import type { SpaceRole } from "@/lib/policy-resource";
import { roleName, withArticle } from "@/lib/roles";

export type RoleChangeCheck = { ok: true } | { ok: false; code: string; message: string; kind: "forbidden" | "rule" };

/**
 * May `actorRole` move someone from `fromRole` to `toRole`? Granting or taking away ownership is the
 * policy's rule (the charter's whoGrantsOwner); the last owner can never stop being one. The mutation runs
 * this on the locked membership rows.
 */
export function checkRoleChange({
  actorRole,
  fromRole,
  toRole,
  whoGrantsOwner,
  ownerCount,
}: {
  actorRole: SpaceRole;
  fromRole: SpaceRole;
  toRole: SpaceRole;
  whoGrantsOwner: readonly SpaceRole[];
  ownerCount: number;
}): RoleChangeCheck {
  if (fromRole === toRole) return { ok: false, code: "NO_CHANGE", message: `They are already ${withArticle(toRole)}.`, kind: "rule" };
  const refused = ownerChangeRefusal({ actorRole, from: fromRole, to: toRole, whoGrantsOwner });
  if (refused) return { ok: false, code: refused.code, message: refused.message, kind: "forbidden" };
  if (fromRole === roleName.owner && ownerCount <= 1) {
    return { ok: false, code: "LAST_OWNER", message: "This is the space's last owner: make someone else an owner first.", kind: "rule" };
  }
  return { ok: true };
}

/** Removing a member (or leaving) must not take away the last owner; the policy says only owners remove owners. */
export function checkRemoval({
  actorRole,
  targetRole,
  ownerCount,
  self,
}: {
  actorRole: SpaceRole;
  targetRole: SpaceRole;
  ownerCount: number;
  self: boolean;
}): RoleChangeCheck {
  if (targetRole === roleName.owner && ownerCount <= 1) {
    return {
      ok: false,
      code: "LAST_OWNER",
      message: self ? "You are the last owner: make someone else an owner before you leave." : "This is the space's last owner.",
      kind: "rule",
    };
  }
  const refused = self ? null : ownerRemovalRefusal({ actorRole, targetRole });
  if (refused) return { ok: false, code: refused.code, message: refused.message, kind: "forbidden" };
  return { ok: true };
}

export type InvitationState = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };

export function checkInvitation(invitation: InvitationState | null, now: Date): RoleChangeCheck {
  if (!invitation) return { ok: false, code: "INVITATION_NOT_FOUND", message: "This invitation link is not valid.", kind: "rule" };
  if (invitation.revokedAt) return { ok: false, code: "INVITATION_REVOKED", message: "This invitation was withdrawn.", kind: "rule" };
  if (invitation.usedAt) return { ok: false, code: "INVITATION_USED", message: "This invitation has already been used.", kind: "rule" };
  if (invitation.expiresAt <= now) {
    return { ok: false, code: "INVITATION_EXPIRED", message: `This invitation expired on ${invitation.expiresAt.toUTCString()}.`, kind: "rule" };
  }
  return { ok: true };
}
