// Membership through its use cases: adding, roles, leaving, invitation links and join requests,
// including the races that must never strand a space without an owner or use a link twice.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/members/use-cases/accept-invitation";
import { addMember } from "@/lib/members/use-cases/add-member";
import { decideJoinRequest } from "@/lib/members/use-cases/decide-join-request";
import { requestToJoin } from "@/lib/members/use-cases/request-to-join";
import { changeRole } from "@/lib/members/use-cases/change-role";
import { createInvitation } from "@/lib/members/use-cases/create-invitation";
import { removeMember } from "@/lib/members/use-cases/remove-member";
import type { SpaceRole } from "@/lib/policy-resource";
import type { Result } from "@/lib/result";
import { defaultCharter } from "@/lib/charter/rules";
import { amendCharter } from "@/lib/spaces/use-cases/amend-charter";
import { createUser, eventsFor, unique } from "@/test/support/factories";
import { actorOf, eventCount, rolesIn, spaceWith, type User } from "@/test/integration/spaces/members-support";

/** The refusal code, whether the use case returned it or threw it. */
async function codeOf(attempt: Promise<Result<unknown>>): Promise<string> {
  try {
    const result = await attempt;
    return result.ok ? "ok" : result.error.code;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string") throw error;
    return code;
  }
}

const tokenOf = (path: string) => path.split("/").pop() ?? "";

async function invite(actor: User, spaceSlug: string, role: SpaceRole, now?: Date) {
  const result = await createInvitation(actorOf(actor), { spaceSlug, role, expiresInDays: 7 }, now);
  if (!result.ok) throw new Error(`createInvitation failed: ${result.error.code}`);
  return result.data;
}

describe("adding members by e-mail", () => {
  it("adds an existing user with the given role and records member.added", async () => {
    const { space, owner } = await spaceWith();
    const grace = await createUser();
    const result = await addMember(actorOf(owner), { spaceSlug: space.slug, email: grace.email!, role: "steward" });
    expect(result).toEqual({ ok: true, data: { userId: grace.id, role: "steward" } });
    expect((await rolesIn(space.id))[grace.id]).toBe("steward");
    const added = await eventsFor({ spaceId: space.id, type: "member.added" });
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ actorId: owner.id, subject: { spaceId: space.id, userId: grace.id }, data: { role: "steward" } });
  });

  it("answers USER_NOT_FOUND for an unknown e-mail and changes nothing", async () => {
    const { space, owner } = await spaceWith();
    const [roles, events] = [await rolesIn(space.id), await eventCount(space.id)];
    const result = await addMember(actorOf(owner), { spaceSlug: space.slug, email: `${unique("nobody")}@example.test`, role: "member" });
    expect(result).toMatchObject({ ok: false, error: { code: "USER_NOT_FOUND", kind: "not_found" } });
    expect(await rolesIn(space.id)).toEqual(roles);
    expect(await eventCount(space.id)).toBe(events);
  });

  it("answers ALREADY_MEMBER for a member and changes nothing", async () => {
    const { space, owner, others } = await spaceWith({ members: ["auditor"] });
    const [roles, events] = [await rolesIn(space.id), await eventCount(space.id)];
    const result = await addMember(actorOf(owner), { spaceSlug: space.slug, email: others[0]!.email!, role: "steward" });
    expect(result).toMatchObject({ ok: false, error: { code: "ALREADY_MEMBER", kind: "conflict" } });
    expect(await rolesIn(space.id)).toEqual(roles);
    expect(await eventCount(space.id)).toBe(events);
  });
});

describe("changing roles", () => {
  it("changes a role and records member.role_changed with from and to", async () => {
    const { space, owner, others } = await spaceWith({ members: ["member"] });
    const lin = others[0]!;
    const result = await changeRole(actorOf(owner), { spaceSlug: space.slug, userId: lin.id, role: "auditor" });
    expect(result).toEqual({ ok: true, data: { userId: lin.id, role: "auditor" } });
    expect((await rolesIn(space.id))[lin.id]).toBe("auditor");
    const changed = await eventsFor({ spaceId: space.id, type: "member.role_changed" });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ actorId: owner.id, subject: { userId: lin.id }, data: { from: "member", to: "auditor" } });
  });

  it("does not let a steward make someone an owner under the default charter", async () => {
    const { space, others } = await spaceWith({ members: ["steward", "member"] });
    const [grace, lin] = [others[0]!, others[1]!];
    const [roles, events] = [await rolesIn(space.id), await eventCount(space.id)];
    const result = await changeRole(actorOf(grace), { spaceSlug: space.slug, userId: lin.id, role: "owner" });
    expect(result).toMatchObject({ ok: false, error: { code: "OWNER_GRANT_FORBIDDEN", kind: "forbidden" } });
    expect(await rolesIn(space.id)).toEqual(roles);
    expect(await eventCount(space.id)).toBe(events);
  });

  it("does not let the last owner demote themself", async () => {
    const { space, owner } = await spaceWith({ members: ["steward"] });
    const [roles, events] = [await rolesIn(space.id), await eventCount(space.id)];
    const result = await changeRole(actorOf(owner), { spaceSlug: space.slug, userId: owner.id, role: "steward" });
    expect(result).toMatchObject({ ok: false, error: { code: "LAST_OWNER", kind: "rule" } });
    expect(await rolesIn(space.id)).toEqual(roles);
    expect(await eventCount(space.id)).toBe(events);
  });

  it("never leaves zero owners when two owners demote each other at once", async () => {
    for (let round = 0; round < 5; round++) {
      const { space, owner, others } = await spaceWith({ members: ["owner"] });
      const other = others[0]!;
      const results = await Promise.all([
        changeRole(actorOf(owner), { spaceSlug: space.slug, userId: other.id, role: "steward" }),
        changeRole(actorOf(other), { spaceSlug: space.slug, userId: owner.id, role: "steward" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const roles = Object.values(await rolesIn(space.id));
      expect(roles.filter((r) => r === "owner")).toHaveLength(1);
      expect(await eventsFor({ spaceId: space.id, type: "member.role_changed" })).toHaveLength(1);
    }
  });
});

describe("removing and leaving", () => {
  it("lets a steward remove a member and records member.removed", async () => {
    const { space, others } = await spaceWith({ members: ["steward", "member"] });
    const [grace, lin] = [others[0]!, others[1]!];
    expect(await removeMember(actorOf(grace), { spaceSlug: space.slug, userId: lin.id })).toEqual({ ok: true, data: { userId: lin.id } });
    expect((await rolesIn(space.id))[lin.id]).toBeUndefined();
    const removed = await eventsFor({ spaceId: space.id, type: "member.removed" });
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ actorId: grace.id, subject: { userId: lin.id }, data: { role: "member" } });
  });

  it("does not let the last owner leave", async () => {
    const { space, owner } = await spaceWith({ members: ["steward"] });
    const [roles, events] = [await rolesIn(space.id), await eventCount(space.id)];
    const result = await removeMember(actorOf(owner), { spaceSlug: space.slug, userId: owner.id });
    expect(result).toMatchObject({ ok: false, error: { code: "LAST_OWNER", message: expect.stringMatching(/before you leave/) } });
    expect(await rolesIn(space.id)).toEqual(roles);
    expect(await eventCount(space.id)).toBe(events);
  });

  it("lets a member leave and records member.left", async () => {
    const { space, others } = await spaceWith({ members: ["member"] });
    const lin = others[0]!;
    expect(await removeMember(actorOf(lin), { spaceSlug: space.slug, userId: lin.id })).toMatchObject({ ok: true });
    expect((await rolesIn(space.id))[lin.id]).toBeUndefined();
    const left = await eventsFor({ spaceId: space.id, type: "member.left" });
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ actorId: lin.id, subject: { userId: lin.id }, data: { role: "member" } });
    expect(await eventsFor({ spaceId: space.id, type: "member.removed" })).toHaveLength(0);
  });
});

describe("invitation links", () => {
  it("makes the person who accepts a member with the invited role, recording invited then joined", async () => {
    const { space, owner } = await spaceWith({ visibility: "private" });
    const link = await invite(owner, space.slug, "auditor");
    expect(link.path).toMatch(/^\/invite\/cw_inv_/);
    const lin = await createUser();
    expect(await acceptInvitation(actorOf(lin), { token: tokenOf(link.path) })).toEqual({ ok: true, data: { spaceSlug: space.slug, role: "auditor" } });
    expect((await rolesIn(space.id))[lin.id]).toBe("auditor");

    const types = (await eventsFor({ spaceId: space.id })).map((e) => e.type);
    expect(types).toEqual(["space.created", "member.invited", "member.joined"]);
    const [joined] = await eventsFor({ spaceId: space.id, type: "member.joined" });
    expect(joined).toMatchObject({ actorId: lin.id, subject: { userId: lin.id, invitationId: link.id }, data: { role: "auditor" } });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ usedById: lin.id, usedAt: expect.any(Date) });
  });

  it("works once: a second person gets INVITATION_USED and does not join", async () => {
    const { space, owner } = await spaceWith();
    const link = await invite(owner, space.slug, "member");
    const [first, second] = [await createUser(), await createUser()];
    expect(await acceptInvitation(actorOf(first), { token: tokenOf(link.path) })).toMatchObject({ ok: true });
    const events = await eventCount(space.id);

    const again = await acceptInvitation(actorOf(second), { token: tokenOf(link.path) });
    expect(again).toMatchObject({ ok: false, error: { code: "INVITATION_USED" } });
    expect((await rolesIn(space.id))[second.id]).toBeUndefined();
    expect(await eventCount(space.id)).toBe(events);
  });

  it("refuses an expired link with INVITATION_EXPIRED and changes nothing", async () => {
    const { space, owner } = await spaceWith();
    const longAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    const link = await invite(owner, space.slug, "member", longAgo);
    expect(new Date(link.expiresAt).getTime()).toBeLessThan(Date.now());
    const lin = await createUser();
    const [roles, events] = [await rolesIn(space.id), await eventCount(space.id)];

    expect(await acceptInvitation(actorOf(lin), { token: tokenOf(link.path) })).toMatchObject({ ok: false, error: { code: "INVITATION_EXPIRED" } });
    expect(await rolesIn(space.id)).toEqual(roles);
    expect(await eventCount(space.id)).toBe(events);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ usedAt: null, usedById: null });
  });

  it("refuses an unknown link with INVITATION_NOT_FOUND", async () => {
    const lin = await createUser();
    expect(await codeOf(acceptInvitation(actorOf(lin), { token: `cw_inv_${"x".repeat(32)}` }))).toBe("INVITATION_NOT_FOUND");
    await expect(acceptInvitation(null, { token: `cw_inv_${"x".repeat(32)}` })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("lets only one of two people accepting at the same moment join", async () => {
    for (let round = 0; round < 5; round++) {
      const { space, owner } = await spaceWith();
      const link = await invite(owner, space.slug, "member");
      const [a, b] = [await createUser(), await createUser()];
      const results = await Promise.all([a, b].map((u) => acceptInvitation(actorOf(u), { token: tokenOf(link.path) })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.error.code))).toEqual(["INVITATION_USED"]);
      expect(await db.membership.count({ where: { spaceId: space.id, userId: { in: [a.id, b.id] } } })).toBe(1);
      expect(await eventsFor({ spaceId: space.id, type: "member.joined" })).toHaveLength(1);
    }
  });
});

describe("join requests", () => {
  it("lets someone ask to join a public space and a steward accept them as a member", async () => {
    const { space, others } = await spaceWith({ members: ["steward"] });
    const grace = others[0]!;
    const lin = await createUser();
    const asked = await requestToJoin(actorOf(lin), { spaceSlug: space.slug, message: "I maintain the tokenizer fork." });
    expect(asked.ok).toBe(true);
    if (!asked.ok) return;

    const answered = await decideJoinRequest(actorOf(grace), { spaceSlug: space.slug, requestId: asked.data.requestId, accept: true });
    expect(answered).toEqual({ ok: true, data: { userId: lin.id } });
    expect((await rolesIn(space.id))[lin.id]).toBe("member");
    expect(await db.joinRequest.findUniqueOrThrow({ where: { id: asked.data.requestId } })).toMatchObject({ status: "accepted", decidedById: grace.id });

    const types = (await eventsFor({ spaceId: space.id })).map((e) => e.type);
    expect(types).toEqual(["space.created", "member.join_requested", "member.join_accepted"]);
    const [accepted] = await eventsFor({ spaceId: space.id, type: "member.join_accepted" });
    expect(accepted).toMatchObject({ actorId: grace.id, subject: { userId: lin.id, requestId: asked.data.requestId }, data: { role: "member" } });
  });

  it("answers REQUEST_PENDING to a second ask and changes nothing", async () => {
    const { space } = await spaceWith();
    const lin = await createUser();
    expect(await requestToJoin(actorOf(lin), { spaceSlug: space.slug, message: "" })).toMatchObject({ ok: true });
    const events = await eventCount(space.id);
    expect(await requestToJoin(actorOf(lin), { spaceSlug: space.slug, message: "Please?" })).toMatchObject({ ok: false, error: { code: "REQUEST_PENDING", kind: "conflict" } });
    expect(await db.joinRequest.count({ where: { spaceId: space.id, userId: lin.id } })).toBe(1);
    expect(await eventCount(space.id)).toBe(events);
  });

  it("answers NOT_FOUND to someone asking to join a private space, and changes nothing", async () => {
    const { space } = await spaceWith({ visibility: "private" });
    const lin = await createUser();
    const events = await eventCount(space.id);
    expect(await codeOf(requestToJoin(actorOf(lin), { spaceSlug: space.slug, message: "" }))).toBe("NOT_FOUND");
    expect(await db.joinRequest.count({ where: { spaceId: space.id } })).toBe(0);
    expect(await eventCount(space.id)).toBe(events);
  });
});

describe("the policy's conditions, asked by the use cases before anything is written", () => {
  async function invitations(spaceId: string) {
    return db.invitation.count({ where: { spaceId } });
  }

  it("refuses a steward inviting or adding someone as an owner under the default charter, and writes nothing", async () => {
    const { space, others } = await spaceWith({ members: ["steward"] });
    const grace = actorOf(others[0]!);
    const newcomer = await createUser();
    const [roles, events, invites] = [await rolesIn(space.id), await eventCount(space.id), await invitations(space.id)];
    expect(await createInvitation(grace, { spaceSlug: space.slug, role: "owner", expiresInDays: 7 })).toEqual({
      ok: false,
      error: { code: "OWNER_GRANT_FORBIDDEN", message: "The charter does not let you invite someone as an owner.", kind: "forbidden" },
    });
    expect(await addMember(grace, { spaceSlug: space.slug, email: newcomer.email!, role: "owner" })).toEqual({
      ok: false,
      error: { code: "OWNER_GRANT_FORBIDDEN", message: "The charter does not let you make someone an owner.", kind: "forbidden" },
    });
    // Asked before the e-mail is looked up: a steward learns nothing about who has an account.
    expect(await codeOf(addMember(grace, { spaceSlug: space.slug, email: "nobody-here@example.org", role: "owner" }))).toBe("OWNER_GRANT_FORBIDDEN");
    expect(await rolesIn(space.id)).toEqual(roles);
    expect(await eventCount(space.id)).toBe(events);
    expect(await invitations(space.id)).toBe(invites);
    // The same steward may invite and add other roles.
    expect(await createInvitation(grace, { spaceSlug: space.slug, role: "steward", expiresInDays: 7 })).toMatchObject({ ok: true });
    expect(await addMember(grace, { spaceSlug: space.slug, email: newcomer.email!, role: "auditor" })).toMatchObject({ ok: true });
  });

  it("lets a steward grant ownership once the charter says stewards may", async () => {
    const { space, owner, others } = await spaceWith({ members: ["steward", "member"] });
    const [grace, lin] = [actorOf(others[0]!), others[1]!];
    const charter = defaultCharter();
    charter.membership.whoGrantsOwner = ["owner", "steward"];
    expect(await amendCharter(actorOf(owner), { spaceSlug: space.slug, charter, reason: "Stewards may make owners" })).toMatchObject({ ok: true });
    expect(await changeRole(grace, { spaceSlug: space.slug, userId: lin.id, role: "owner" })).toMatchObject({ ok: true });
    expect((await rolesIn(space.id))[lin.id]).toBe("owner");
    expect(await createInvitation(grace, { spaceSlug: space.slug, role: "owner", expiresInDays: 7 })).toMatchObject({ ok: true });
  });

  it("refuses a steward removing an owner, and writes nothing", async () => {
    const { space, owner, others } = await spaceWith({ members: ["steward", "owner"] });
    const [grace, coOwner] = [actorOf(others[0]!), others[1]!];
    const [roles, events] = [await rolesIn(space.id), await eventCount(space.id)];
    for (const target of [owner.id, coOwner.id]) {
      expect(await removeMember(grace, { spaceSlug: space.slug, userId: target })).toEqual({
        ok: false,
        error: { code: "OWNER_REMOVAL_FORBIDDEN", message: "Only an owner can remove another owner.", kind: "forbidden" },
      });
    }
    expect(await rolesIn(space.id)).toEqual(roles);
    expect(await eventCount(space.id)).toBe(events);
    // An owner may remove the other owner.
    expect(await removeMember(actorOf(owner), { spaceSlug: space.slug, userId: coOwner.id })).toMatchObject({ ok: true });
  });
});
