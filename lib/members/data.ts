// Reads of members, invitations and join requests.
import "server-only";
import { db } from "@/lib/db";

const memberFields = { userId: true, role: true, joinedAt: true, user: { select: { name: true, email: true } } } as const;

export async function listMembers(spaceId: string) {
  return db.membership.findMany({ where: { spaceId }, orderBy: [{ joinedAt: "asc" }], select: memberFields });
}

/** One member with the fields of listMembers, read by the (space, user) index: what a write answers with. */
export async function getMember(spaceId: string, userId: string) {
  return db.membership.findUnique({ where: { spaceId_userId: { spaceId, userId } }, select: memberFields });
}

/** Members who arrived with an imported archive and have not claimed their identity here: what an owner may map. */
export async function listUnclaimedMembers(spaceId: string) {
  return db.membership.findMany({
    where: { spaceId, user: { imported: { claimedAt: null } } },
    orderBy: [{ joinedAt: "asc" }],
    select: { userId: true, role: true, user: { select: { name: true } } },
  });
}

export async function getMembership(spaceId: string, userId: string) {
  return db.membership.findUnique({ where: { spaceId_userId: { spaceId, userId } }, select: { role: true, userId: true } });
}

export async function findInvitationByHash(tokenHash: string) {
  return db.invitation.findUnique({
    where: { tokenHash },
    select: { id: true, role: true, expiresAt: true, usedAt: true, revokedAt: true, space: { select: { id: true, slug: true, name: true } } },
  });
}

/** One invitation of a space; another space's invitation is not found. */
export async function getInvitation(spaceId: string, invitationId: string) {
  return db.invitation.findFirst({ where: { id: invitationId, spaceId }, select: { id: true, role: true } });
}

export async function listOpenInvitations(spaceId: string, now: Date) {
  return db.invitation.findMany({
    where: { spaceId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true },
  });
}

export async function listPendingJoinRequests(spaceId: string) {
  return db.joinRequest.findMany({
    where: { spaceId, status: "pending" },
    orderBy: { createdAt: "asc" },
    select: { id: true, message: true, createdAt: true, user: { select: { id: true, name: true } } },
  });
}

export async function findPendingJoinRequest(spaceId: string, userId: string) {
  return db.joinRequest.findFirst({ where: { spaceId, userId, status: "pending" }, select: { id: true, createdAt: true } });
}

/** The people who arrived with an archive that an owner of this fork mapped the user to (lib/charter/eligible-voter.ts). */
export async function mappedPeopleOf(spaceId: string, userId: string): Promise<string[]> {
  const rows = await db.identityMapping.findMany({ where: { spaceId, toUserId: userId }, select: { fromUserId: true }, orderBy: { fromUserId: "asc" } });
  return rows.map((row) => row.fromUserId);
}
