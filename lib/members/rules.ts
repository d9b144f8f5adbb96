// Pure membership rules: who may hand out which role, and the space never losing its last owner.
import { roleList, withArticle, type SpaceRole } from "@/lib/policy";

export type RoleChangeCheck = { ok: true } | { ok: false; code: string; message: string; kind: "forbidden" | "rule" };

/**
 * May `actorRole` move someone from `fromRole` to `toRole`? Granting or taking away ownership needs a
 * role the charter lists in whoGrantsOwner; the last owner can never stop being one.
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
  if ((toRole === "owner" || fromRole === "owner") && !whoGrantsOwner.includes(actorRole)) {
    return {
      ok: false,
      code: "OWNER_GRANT_FORBIDDEN",
      message: `The charter lets only ${roleList(whoGrantsOwner, "and")} make someone an owner or change an owner's role.`,
      kind: "forbidden",
    };
  }
  if (fromRole === "owner" && ownerCount <= 1) {
    return { ok: false, code: "LAST_OWNER", message: "This is the space's last owner: make someone else an owner first.", kind: "rule" };
  }
  return { ok: true };
}

/** Removing a member (or leaving) must not take away the last owner; only owners remove owners. */
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
  if (targetRole === "owner" && ownerCount <= 1) {
    return {
      ok: false,
      code: "LAST_OWNER",
      message: self ? "You are the last owner: make someone else an owner before you leave." : "This is the space's last owner.",
      kind: "rule",
    };
  }
  if (!self && targetRole === "owner" && actorRole !== "owner") {
    return { ok: false, code: "OWNER_REMOVAL_FORBIDDEN", message: "Only an owner can remove another owner.", kind: "forbidden" };
  }
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
