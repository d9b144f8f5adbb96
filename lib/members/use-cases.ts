// Membership use cases, shared by server actions and the API: each has one name in every layer.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { currentCharter } from "@/lib/charter/data";
import { getInvitation, getMember, getMembership, listMembers } from "@/lib/members/data";
// The writes share the use cases' names (one name per use case in every layer): reached through the module.
import * as mutations from "@/lib/members/mutations";
import { authorize, refusalOf, type SpaceRole } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { spaceFacts } from "@/lib/spaces/data";
import { hashToken } from "@/lib/tokens/rules";
import { findUserByEmail } from "@/lib/users/data";

type MemberRow = NonNullable<Awaited<ReturnType<typeof getMember>>>;
const memberView = (m: MemberRow) => ({ userId: m.userId, name: m.user.name, role: m.role, joinedAt: m.joinedAt.toISOString() });

export async function spaceMembers(actor: Actor | null, spaceSlug: string) {
  const access = await requireSpace(actor, spaceSlug, "member.list");
  const members = await listMembers(access.space.id);
  return { access, members: members.map(memberView) };
}

/** One member as spaceMembers lists them; an API write answers with it without reading the whole list. */
export async function spaceMember(actor: Actor | null, input: { spaceSlug: string; userId: string }) {
  const access = await requireSpace(actor, input.spaceSlug, "member.list");
  const member = await getMember(access.space.id, input.userId);
  return member ? ok(memberView(member)) : fail("NOT_A_MEMBER", "That person is not a member of this space.", "not_found");
}

export async function addMember(actor: Actor | null, input: { spaceSlug: string; email: string; role: SpaceRole }) {
  const access = await requireSpace(actor, input.spaceSlug, "member.add");
  const refused = refusalOf(actor, "member.add", { space: spaceFacts(access), charter: access.charter, grant: input.role });
  if (refused) return refused;
  const user = await findUserByEmail(input.email);
  if (!user) return fail("USER_NOT_FOUND", `No user has the e-mail ${input.email}; invite them by link instead.`, "not_found");
  const added = await mutations.addMember({ spaceId: access.space.id, actorId: actor!.id, userId: user.id, role: input.role });
  return added.ok ? ok({ userId: user.id, role: input.role }) : added;
}

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

/** Leaving is removing yourself: the policy's member.leave, and the last-owner rule. */
export async function leaveSpace(actor: Actor | null, input: { spaceSlug: string }) {
  return removeMember(actor, { spaceSlug: input.spaceSlug, userId: actor?.id ?? "" });
}

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

export async function acceptInvitation(actor: Actor | null, input: { token: string }): Promise<Result<{ spaceSlug: string; role: SpaceRole }>> {
  authorize(actor, "invitation.accept");
  const accepted = await mutations.acceptInvitation({ tokenHash: hashToken(input.token), userId: actor!.id, now: new Date() });
  return accepted.ok ? ok({ spaceSlug: accepted.data.spaceSlug, role: accepted.data.role }) : accepted;
}

export async function requestToJoin(actor: Actor | null, input: { spaceSlug: string; message: string }) {
  const access = await requireSpace(actor, input.spaceSlug, "join.request");
  if (access.space.visibility !== "public") return fail("NOT_FOUND", "No such space.", "not_found");
  if (access.role) return fail("ALREADY_MEMBER", "You are already a member of this space.", "conflict");
  return mutations.requestToJoin({ spaceId: access.space.id, userId: actor!.id, message: input.message });
}

export async function decideJoinRequest(actor: Actor | null, input: { spaceSlug: string; requestId: string; accept: boolean }) {
  const access = await requireSpace(actor, input.spaceSlug, "join.decide");
  return mutations.decideJoinRequest({ spaceId: access.space.id, actorId: actor!.id, requestId: input.requestId, accept: input.accept });
}
