// Membership writes. Each appends its event in the same transaction. The space's row is the lock, so the cost of a
// write does not grow with the space: adding someone takes it shared (adds run side by side; the unique
// (space, user) index settles two adds of the same person), and every write that reads membership to decide,
// a role change, a removal, a join request or its answer, takes it exclusively and then reads only the rows it
// needs, fresh. An add never takes an owner away, so adds running beside those cannot strand a space without an owner.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { checkInvitation, checkRemoval, checkRoleChange } from "@/lib/members/rules";
import type { SpaceRole } from "@/lib/policy-resource";
import { fail, ok, type Result } from "@/lib/result";
import { isUniqueViolation } from "@/lib/db-errors";
import { roleName } from "@/lib/roles";

/**
 * Locks the space's row, first thing in the transaction so lock order is the same everywhere. NO KEY UPDATE,
 * not UPDATE: foreign-key checks elsewhere in the space (ballots, events) take KEY SHARE and must not wait.
 */
async function lockSpace(tx: Tx, spaceId: string, mode: "shared" | "exclusive") {
  const rows =
    mode === "shared"
      ? await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM spaces WHERE id = ${spaceId} FOR SHARE`
      : await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM spaces WHERE id = ${spaceId} FOR NO KEY UPDATE`;
  if (rows.length !== 1) throw new Error(`space ${spaceId} not found`);
}

/** The roles of the given people and the space's number of owners (served by the (space_id, role) index). Call under the exclusive lock. */
async function readMembers(tx: Tx, spaceId: string, userIds: string[]) {
  const rows = await tx.$queryRaw<Array<{ user_id: string; role: SpaceRole }>>`
    SELECT user_id, role FROM memberships WHERE space_id = ${spaceId} AND user_id = ANY(${userIds}::text[])`;
  const [{ owners }] = await tx.$queryRaw<[{ owners: number }]>`
    SELECT count(*)::int AS owners FROM memberships WHERE space_id = ${spaceId} AND role = ${roleName.owner}::"Role"`;
  return { roleOf: (userId: string) => rows.find((r) => r.user_id === userId)?.role ?? null, ownerCount: owners };
}

const alreadyMember = (who: "they" | "you") =>
  fail("ALREADY_MEMBER", who === "they" ? "This person is already a member of the space." : "You are already a member of this space.", "conflict");

/** Runs an add; the loser of two concurrent adds of the same person (the unique index refused it) gets ALREADY_MEMBER. */
async function asAdd<T>(who: "they" | "you", add: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await add();
  } catch (error) {
    if (isUniqueViolation(error)) return alreadyMember(who);
    throw error;
  }
}

export async function addMember({ spaceId, actorId, userId, role }: { spaceId: string; actorId: string; userId: string; role: SpaceRole }): Promise<Result<{ receipt: string }>> {
  return asAdd("they", () =>
    db.$transaction(async (tx) => {
      await lockSpace(tx, spaceId, "shared");
      const existing = await tx.membership.findUnique({ where: { spaceId_userId: { spaceId, userId } }, select: { id: true } });
      if (existing) return alreadyMember("they");
      await tx.membership.create({ data: { spaceId, userId, role } });
      await tx.joinRequest.updateMany({ where: { spaceId, userId, status: "pending" }, data: { status: "accepted", decidedById: actorId, decidedAt: new Date() } });
      const event = await appendEvent(tx, { spaceId, actorId, type: "member.added", subject: { spaceId, userId }, data: { role } });
      return ok({ receipt: event.receipt });
    }),
  );
}

export async function changeMemberRole(args: {
  spaceId: string;
  actorId: string;
  userId: string;
  toRole: SpaceRole;
  whoGrantsOwner: readonly SpaceRole[];
}): Promise<Result<{ receipt: string; fromRole: SpaceRole }>> {
  const { spaceId, actorId, userId, toRole, whoGrantsOwner } = args;
  return db.$transaction(async (tx) => {
    await lockSpace(tx, spaceId, "exclusive");
    const members = await readMembers(tx, spaceId, [actorId, userId]);
    const actorRole = members.roleOf(actorId);
    const fromRole = members.roleOf(userId);
    if (!fromRole) return fail("NOT_A_MEMBER", "That person is not a member of this space.", "not_found");
    if (!actorRole) return fail("FORBIDDEN", "You are not a member of this space.", "forbidden");
    const check = checkRoleChange({ actorRole, fromRole, toRole, whoGrantsOwner, ownerCount: members.ownerCount });
    if (!check.ok) return fail(check.code, check.message, check.kind);
    await tx.membership.update({ where: { spaceId_userId: { spaceId, userId } }, data: { role: toRole } });
    const event = await appendEvent(tx, { spaceId, actorId, type: "member.role_changed", subject: { spaceId, userId }, data: { from: fromRole, to: toRole } });
    return ok({ receipt: event.receipt, fromRole });
  });
}

export async function removeMember({ spaceId, actorId, userId }: { spaceId: string; actorId: string; userId: string }): Promise<Result<{ receipt: string }>> {
  return db.$transaction(async (tx) => {
    await lockSpace(tx, spaceId, "exclusive");
    const members = await readMembers(tx, spaceId, [actorId, userId]);
    const actorRole = members.roleOf(actorId);
    const targetRole = members.roleOf(userId);
    if (!targetRole) return fail("NOT_A_MEMBER", "That person is not a member of this space.", "not_found");
    if (!actorRole) return fail("FORBIDDEN", "You are not a member of this space.", "forbidden");
    const self = actorId === userId;
    const check = checkRemoval({ actorRole, targetRole, ownerCount: members.ownerCount, self });
    if (!check.ok) return fail(check.code, check.message, check.kind);
    await tx.membership.delete({ where: { spaceId_userId: { spaceId, userId } } });
    const event = await appendEvent(tx, {
      spaceId,
      actorId,
      type: self ? "member.left" : "member.removed",
      subject: { spaceId, userId },
      data: { role: targetRole },
    });
    return ok({ receipt: event.receipt });
  });
}

export async function createInvitation(args: { spaceId: string; actorId: string; role: SpaceRole; tokenHash: string; expiresAt: Date }) {
  const { spaceId, actorId, role, tokenHash, expiresAt } = args;
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({ data: { spaceId, role, tokenHash, createdById: actorId, expiresAt }, select: { id: true } });
    const event = await appendEvent(tx, {
      spaceId,
      actorId,
      type: "member.invited",
      subject: { spaceId, invitationId: invitation.id },
      data: { role, expiresAt: expiresAt.toISOString() },
    });
    return { id: invitation.id, receipt: event.receipt };
  });
}

/** Revokes a still-open invitation; a link already used, revoked or expired is left as it is. */
export async function revokeInvitation(args: { spaceId: string; actorId: string; invitationId: string; now: Date }): Promise<Result<{ role: SpaceRole; receipt: string }>> {
  const { spaceId, actorId, invitationId, now } = args;
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, spaceId }, select: { role: true } });
    if (!invitation) return fail("INVITATION_NOT_FOUND", "No such invitation in this space.", "not_found");
    const revoked = await tx.invitation.updateMany({
      where: { id: invitationId, spaceId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    if (revoked.count !== 1) return fail("INVITATION_CLOSED", "This invitation was already used, revoked or has expired; there is nothing to revoke.", "conflict");
    const event = await appendEvent(tx, {
      spaceId,
      actorId,
      type: "member.invitation_revoked",
      subject: { spaceId, invitationId },
      data: { role: invitation.role },
    });
    return ok({ role: invitation.role, receipt: event.receipt });
  });
}

export async function acceptInvitation({ tokenHash, userId, now }: { tokenHash: string; userId: string; now: Date }): Promise<Result<{ spaceSlug: string; role: SpaceRole; receipt: string }>> {
  return asAdd("you", () =>
    db.$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({ where: { tokenHash }, include: { space: { select: { slug: true } } } });
      const valid = checkInvitation(invitation, now);
      if (!valid.ok || !invitation) return fail(valid.ok ? "INVITATION_NOT_FOUND" : valid.code, valid.ok ? "Not found." : valid.message, valid.ok ? "rule" : valid.kind);
      const spaceId = invitation.spaceId;
      await lockSpace(tx, spaceId, "shared");
      const existing = await tx.membership.findUnique({ where: { spaceId_userId: { spaceId, userId } }, select: { id: true } });
      if (existing) return alreadyMember("you");
      // Single use under concurrency: only one transaction can flip usedAt from null.
      const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: now, usedById: userId } });
      if (claimed.count !== 1) return fail("INVITATION_USED", "This invitation has already been used.", "rule");
      await tx.membership.create({ data: { spaceId, userId, role: invitation.role } });
      const event = await appendEvent(tx, {
        spaceId,
        actorId: userId,
        type: "member.joined",
        subject: { spaceId, userId, invitationId: invitation.id },
        data: { role: invitation.role },
      });
      return ok({ spaceSlug: invitation.space.slug, role: invitation.role, receipt: event.receipt });
    }),
  );
}

export async function requestToJoin({ spaceId, userId, message }: { spaceId: string; userId: string; message: string }): Promise<Result<{ requestId: string }>> {
  return db.$transaction(async (tx) => {
    // Exclusive, so no add can slip in between the membership check and the request.
    await lockSpace(tx, spaceId, "exclusive");
    const existing = await tx.membership.findUnique({ where: { spaceId_userId: { spaceId, userId } }, select: { id: true } });
    if (existing) return alreadyMember("you");
    const pending = await tx.joinRequest.findFirst({ where: { spaceId, userId, status: "pending" } });
    if (pending) return fail("REQUEST_PENDING", "You have already asked to join; a steward will answer.", "conflict");
    const request = await tx.joinRequest.create({ data: { spaceId, userId, message }, select: { id: true } });
    await appendEvent(tx, { spaceId, actorId: userId, type: "member.join_requested", subject: { spaceId, userId, requestId: request.id }, data: {} });
    return ok({ requestId: request.id });
  });
}

export async function decideJoinRequest({ spaceId, actorId, requestId, accept }: { spaceId: string; actorId: string; requestId: string; accept: boolean }): Promise<Result<{ userId: string }>> {
  return db.$transaction(async (tx) => {
    await lockSpace(tx, spaceId, "exclusive");
    const decided = await tx.joinRequest.updateMany({
      where: { id: requestId, spaceId, status: "pending" },
      data: { status: accept ? "accepted" : "declined", decidedById: actorId, decidedAt: new Date() },
    });
    if (decided.count !== 1) return fail("REQUEST_NOT_PENDING", "This join request is no longer pending.", "conflict");
    const request = await tx.joinRequest.findUniqueOrThrow({ where: { id: requestId }, select: { userId: true } });
    const member = accept && (await tx.membership.findUnique({ where: { spaceId_userId: { spaceId, userId: request.userId } }, select: { id: true } }));
    if (accept && !member) {
      await tx.membership.create({ data: { spaceId, userId: request.userId, role: roleName.member } });
    }
    await appendEvent(tx, {
      spaceId,
      actorId,
      subject: { spaceId, userId: request.userId, requestId },
      ...(accept ? ({ type: "member.join_accepted", data: { role: roleName.member } } as const) : ({ type: "member.join_declined", data: {} } as const)),
    });
    return ok({ userId: request.userId });
  });
}

// Mapping a person who arrived with an archive to a user of this instance: their place in the space (the membership
// and its role) passes to that user. The person's past events keep their id; the event says who stands for them now.
type MapIdentity = { spaceId: string; actorId: string; userId: string; toUserId: string };

export async function mapIdentity({ spaceId, actorId, userId, toUserId }: MapIdentity): Promise<Result<{ role: SpaceRole; receipt: string }>> {
  return db.$transaction(async (tx) => {
    await lockSpace(tx, spaceId, "exclusive");
    // One after another: a transaction is one connection, and pg deprecates a query sent while another runs on it.
    const person = await tx.membership.findUnique({ where: { spaceId_userId: { spaceId, userId } }, select: { role: true } });
    const imported = await tx.importedIdentity.findUnique({ where: { userId }, select: { claimedAt: true } });
    const target = await tx.membership.findUnique({ where: { spaceId_userId: { spaceId, userId: toUserId } }, select: { role: true } });
    if (!person) return fail("NOT_A_MEMBER", "That person is not a member of this space.", "not_found");
    if (!imported || imported.claimedAt) return unclaimedOnly();
    if (target) return fail("ALREADY_MEMBER", "That user is already a member of this space: remove one of the two places first.", "conflict");
    await tx.membership.delete({ where: { spaceId_userId: { spaceId, userId } } });
    await tx.membership.create({ data: { spaceId, userId: toUserId, role: person.role } });
    // Kept apart from the membership: the user votes in the person's place on lists frozen before now (a decision
    // open at the origin), which stay as recorded (lib/charter/eligible-voter.ts). The latest mapping stands.
    const mapping = { spaceId, fromUserId: userId, toUserId, mappedAt: new Date() };
    await tx.identityMapping.upsert({ where: { spaceId_fromUserId: { spaceId, fromUserId: userId } }, create: mapping, update: mapping });
    const event = await appendEvent(tx, { spaceId, actorId, type: "member.identity_mapped", subject: { spaceId, userId }, data: { toUserId, role: person.role } });
    return ok({ role: person.role, receipt: event.receipt });
  });
}

export const unclaimedOnly = () =>
  fail("NOT_UNCLAIMED", "Only a person who arrived with the archive and has not claimed their identity here can be mapped.", "conflict");
