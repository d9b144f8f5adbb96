// Membership use cases, shared by server actions and the API.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { currentCharter } from "@/lib/charter/data";
import { getMember, listMembers } from "@/lib/members/data";
import {
  acceptInvitation,
  addMember,
  changeMemberRole,
  createInvitation,
  decideJoinRequest,
  removeMember,
  requestToJoin,
} from "@/lib/members/mutations";
import { authorize, type SpaceRole } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
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

export async function addMemberByEmail(actor: Actor | null, input: { spaceSlug: string; email: string; role: SpaceRole }) {
  const access = await requireSpace(actor, input.spaceSlug, "member.add");
  const user = await findUserByEmail(input.email);
  if (!user) return fail("USER_NOT_FOUND", `No user has the e-mail ${input.email}; invite them by link instead.`, "not_found");
  if (input.role === "owner" && !access.charter!.membership.whoGrantsOwner.includes(access.role!)) {
    return fail("OWNER_GRANT_FORBIDDEN", "The charter does not let you make someone an owner.", "forbidden");
  }
  const added = await addMember({ spaceId: access.space.id, actorId: actor!.id, userId: user.id, role: input.role });
  return added.ok ? ok({ userId: user.id, role: input.role }) : added;
}

export async function changeRole(actor: Actor | null, input: { spaceSlug: string; userId: string; role: SpaceRole }) {
  const access = await requireSpace(actor, input.spaceSlug, "member.change-role");
  const { charter } = await currentCharter(access.space.id);
  const changed = await changeMemberRole({
    spaceId: access.space.id,
    actorId: actor!.id,
    userId: input.userId,
    toRole: input.role,
    whoGrantsOwner: charter.membership.whoGrantsOwner,
  });
  return changed.ok ? ok({ userId: input.userId, role: input.role }) : changed;
}

export async function removeFromSpace(actor: Actor | null, input: { spaceSlug: string; userId: string }) {
  const self = actor?.id === input.userId;
  const access = await requireSpace(actor, input.spaceSlug, self ? "member.leave" : "member.remove");
  const removed = await removeMember({ spaceId: access.space.id, actorId: actor!.id, userId: input.userId });
  return removed.ok ? ok({ userId: input.userId }) : removed;
}

const INVITE_PREFIX = "cw_inv_";

export async function inviteByLink(actor: Actor | null, input: { spaceSlug: string; role: SpaceRole; expiresInDays: number }, now = new Date()) {
  const access = await requireSpace(actor, input.spaceSlug, "member.invite");
  if (input.role === "owner" && !access.charter!.membership.whoGrantsOwner.includes(access.role!)) {
    return fail("OWNER_GRANT_FORBIDDEN", "The charter does not let you invite someone as an owner.", "forbidden");
  }
  const token = INVITE_PREFIX + randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 24 * 3600 * 1000);
  const created = await createInvitation({ spaceId: access.space.id, actorId: actor!.id, role: input.role, tokenHash: hashToken(token), expiresAt });
  return ok({ id: created.id, path: `/invite/${token}`, role: input.role, expiresAt: expiresAt.toISOString() });
}

export async function acceptInvite(actor: Actor | null, input: { token: string }): Promise<Result<{ spaceSlug: string; role: SpaceRole }>> {
  authorize(actor, "invitation.accept");
  const accepted = await acceptInvitation({ tokenHash: hashToken(input.token), userId: actor!.id, now: new Date() });
  return accepted.ok ? ok({ spaceSlug: accepted.data.spaceSlug, role: accepted.data.role }) : accepted;
}

export async function askToJoin(actor: Actor | null, input: { spaceSlug: string; message: string }) {
  const access = await requireSpace(actor, input.spaceSlug, "join.request");
  if (access.space.visibility !== "public") return fail("NOT_FOUND", "No such space.", "not_found");
  if (access.role) return fail("ALREADY_MEMBER", "You are already a member of this space.", "conflict");
  return requestToJoin({ spaceId: access.space.id, userId: actor!.id, message: input.message });
}

export async function answerJoinRequest(actor: Actor | null, input: { spaceSlug: string; requestId: string; accept: boolean }) {
  const access = await requireSpace(actor, input.spaceSlug, "join.decide");
  return decideJoinRequest({ spaceId: access.space.id, actorId: actor!.id, requestId: input.requestId, accept: input.accept });
}
