// Membership writes racing each other: the same person added at once (through the API route, for the status),
// owners demoted and removed at once (the space keeps an owner), and adds beside joins, invitations and
// role changes, which must neither deadlock nor answer 500.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { POST as addMemberRoute } from "@/app/api/v1/spaces/[slug]/members/route";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/members/use-cases/accept-invitation";
import { addMember } from "@/lib/members/use-cases/add-member";
import { decideJoinRequest } from "@/lib/members/use-cases/decide-join-request";
import { requestToJoin } from "@/lib/members/use-cases/request-to-join";
import { changeRole } from "@/lib/members/use-cases/change-role";
import { createInvitation } from "@/lib/members/use-cases/create-invitation";
import { removeMember } from "@/lib/members/use-cases/remove-member";
import { createToken } from "@/lib/tokens/mutations";
import { createUser, eventsFor } from "@/test/support/factories";
import { actorOf, rolesIn, spaceWith, type User } from "@/test/integration/spaces/members-support";

// The route reads the browser session only without an Authorization header; these requests carry a real bearer
// token, so Auth.js (whose next/server import does not load under Vitest) is replaced by "no session".
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

const ROUNDS = 5;

async function postMember({ slug, token, email }: { slug: string; token: string; email: string }) {
  const req = new Request(`http://localhost/api/v1/spaces/${slug}/members`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ email, role: "member" }),
  });
  const res = await addMemberRoute(req, { params: Promise.resolve({ slug }) });
  return { status: res.status, body: (await res.json()) as { userId?: string; role?: string; error?: { code: string } } };
}

const ownersIn = async (spaceId: string) => Object.values(await rolesIn(spaceId)).filter((role) => role === "owner").length;

type Answer = { ok: true } | { ok: false; error: { code: string } };

/**
 * What a use case answered: "ok" or its refusal code, returned or thrown (authorize throws when the race's winner
 * already took the loser's role away). Any other error, a 500, fails the test.
 */
async function outcome(attempt: Promise<Answer>): Promise<string> {
  try {
    const result = await attempt;
    return result.ok ? "ok" : result.error.code;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string" || code.startsWith("P")) throw error;
    return code;
  }
}

describe("adding the same person several times at once", () => {
  it("answers 201 once and 409 ALREADY_MEMBER to every other request, with one member row and one event", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { space, others } = await spaceWith({ members: ["steward"] });
      const { token } = await createToken({ userId: others[0]!.id, name: "races" });
      const grace = await createUser();
      const replies = await Promise.all(Array.from({ length: 8 }, () => postMember({ slug: space.slug, token, email: grace.email! })));

      const created = replies.filter((r) => r.status === 201);
      expect(created).toHaveLength(1);
      expect(created[0]!.body).toMatchObject({ userId: grace.id, role: "member" });
      const refused = replies.filter((r) => r.status !== 201);
      expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(Array.from({ length: 7 }, () => [409, "ALREADY_MEMBER"]));
      expect(await db.membership.count({ where: { spaceId: space.id, userId: grace.id } })).toBe(1);
      expect(await eventsFor({ spaceId: space.id, type: "member.added" })).toHaveLength(1);
    }
  });

  it("answers ALREADY_MEMBER, not 500, when another add commits the row after this one checked (the unique index decides)", async () => {
    const { space, owner } = await spaceWith();
    const grace = await createUser();
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // Another add, caught between its insert and its commit: invisible to the check, in the way of the insert.
      await other.query("BEGIN");
      await other.query(`INSERT INTO memberships (id, space_id, user_id, role) VALUES ($1, $2, $3, 'member')`, [`m_${grace.id}`, space.id, grace.id]);
      const attempt = outcome(addMember(actorOf(owner), { spaceSlug: space.slug, email: grace.email!, role: "steward" }));
      await new Promise((resolve) => setTimeout(resolve, 300)); // let it pass its check and wait on the index
      await other.query("COMMIT");
      expect(await attempt).toBe("ALREADY_MEMBER");
    } finally {
      await other.end();
    }
    expect((await rolesIn(space.id))[grace.id]).toBe("member");
    expect(await eventsFor({ spaceId: space.id, type: "member.added" })).toHaveLength(0);
  });

  it("adds different people at once, each once", async () => {
    const { space, owner } = await spaceWith();
    const people = await Promise.all(Array.from({ length: 12 }, () => createUser()));
    const outcomes = await Promise.all(people.map((p) => outcome(addMember(actorOf(owner), { spaceSlug: space.slug, email: p.email!, role: "member" }))));
    expect(outcomes).toEqual(people.map(() => "ok"));
    const roles = await rolesIn(space.id);
    expect(people.map((p) => roles[p.id])).toEqual(people.map(() => "member"));
    expect(await eventsFor({ spaceId: space.id, type: "member.added" })).toHaveLength(12);
  });
});

describe("owners racing each other", () => {
  type Race = (space: { slug: string }, a: User, b: User) => Array<Promise<Answer>>;
  const races: Array<[string, Race]> = [
    ["each removes the other", (s, a, b) => [removeMember(actorOf(a), { spaceSlug: s.slug, userId: b.id }), removeMember(actorOf(b), { spaceSlug: s.slug, userId: a.id })]],
    ["both leave", (s, a, b) => [removeMember(actorOf(a), { spaceSlug: s.slug, userId: a.id }), removeMember(actorOf(b), { spaceSlug: s.slug, userId: b.id })]],
    ["one demotes the other, who removes them", (s, a, b) => [changeRole(actorOf(a), { spaceSlug: s.slug, userId: b.id, role: "steward" }), removeMember(actorOf(b), { spaceSlug: s.slug, userId: a.id })]],
    ["one steps down while the other leaves", (s, a, b) => [changeRole(actorOf(a), { spaceSlug: s.slug, userId: a.id, role: "member" }), removeMember(actorOf(b), { spaceSlug: s.slug, userId: b.id })]],
  ];

  for (const [name, race] of races) {
    it(`keeps exactly one owner when ${name} at once`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const { space, owner, others } = await spaceWith({ members: ["owner", "member"] });
        const outcomes = await Promise.all(race(space, owner, others[0]!).map(outcome));
        expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
        // The loser is refused because of the winner: the last owner, or no longer allowed / no longer a member.
        expect(["LAST_OWNER", "FORBIDDEN", "OWNER_GRANT_FORBIDDEN", "OWNER_REMOVAL_FORBIDDEN", "NOT_A_MEMBER"]).toContain(outcomes.find((o) => o !== "ok"));
        expect(await ownersIn(space.id)).toBe(1);
        const changes = await eventsFor({ spaceId: space.id });
        expect(changes.filter((e) => ["member.removed", "member.left", "member.role_changed"].includes(e.type))).toHaveLength(1);
      }
    });
  }

  it("keeps an owner while people are added beside two owners demoting each other", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { space, owner, others } = await spaceWith({ members: ["owner", "steward"] });
      const [other, steward] = [others[0]!, others[1]!];
      const people = await Promise.all(Array.from({ length: 6 }, () => createUser()));
      const outcomes = await Promise.all(
        [
          changeRole(actorOf(owner), { spaceSlug: space.slug, userId: other.id, role: "steward" }),
          ...people.map((p) => addMember(actorOf(steward), { spaceSlug: space.slug, email: p.email!, role: "member" })),
          changeRole(actorOf(other), { spaceSlug: space.slug, userId: owner.id, role: "steward" }),
        ].map(outcome),
      );
      expect(outcomes.slice(1, -1)).toEqual(people.map(() => "ok"));
      const demotions = [outcomes[0], outcomes.at(-1)];
      expect(demotions.filter((o) => o === "ok")).toHaveLength(1);
      // The loser is a steward by now, or would demote the last owner.
      expect(["OWNER_GRANT_FORBIDDEN", "LAST_OWNER"]).toContain(demotions.find((o) => o !== "ok"));
      expect(await ownersIn(space.id)).toBe(1);
      expect(await eventsFor({ spaceId: space.id, type: "member.added" })).toHaveLength(6);
    }
  });
});

describe("adds beside joins and invitations", () => {
  it("never leaves a member with a pending join request when they ask to join while being added", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { space, owner } = await spaceWith();
      const lin = await createUser();
      const [asked, added] = await Promise.all([
        outcome(requestToJoin(actorOf(lin), { spaceSlug: space.slug, message: "" })),
        outcome(addMember(actorOf(owner), { spaceSlug: space.slug, email: lin.email!, role: "member" })),
      ]);
      expect(added).toBe("ok");
      // Either the ask came first (and the add accepted it) or the add did (and the ask was refused).
      expect(["ok", "ALREADY_MEMBER"]).toContain(asked);
      expect((await rolesIn(space.id))[lin.id]).toBe("member");
      expect(await db.joinRequest.count({ where: { spaceId: space.id, userId: lin.id, status: "pending" } })).toBe(0);
    }
  });

  it("makes someone a member once when a steward accepts their request while another adds them", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { space, owner, others } = await spaceWith({ members: ["steward"] });
      const lin = await createUser();
      const asked = await requestToJoin(actorOf(lin), { spaceSlug: space.slug, message: "" });
      if (!asked.ok) throw new Error(asked.error.code);
      const [answered, added] = await Promise.all([
        outcome(decideJoinRequest(actorOf(others[0]!), { spaceSlug: space.slug, requestId: asked.data.requestId, accept: true })),
        outcome(addMember(actorOf(owner), { spaceSlug: space.slug, email: lin.email!, role: "member" })),
      ]);
      // Whichever came first made them a member; the other was refused for it, never a 500.
      expect([answered, added].sort()).toEqual(added === "ok" ? ["REQUEST_NOT_PENDING", "ok"] : ["ALREADY_MEMBER", "ok"]);
      expect(await db.membership.count({ where: { spaceId: space.id, userId: lin.id } })).toBe(1);
      const joins = await eventsFor({ spaceId: space.id });
      expect(joins.filter((e) => e.type === "member.added" || e.type === "member.join_accepted")).toHaveLength(1);
    }
  });

  it("makes someone a member once when they accept an invitation while being added", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { space, owner } = await spaceWith();
      const link = await createInvitation(actorOf(owner), { spaceSlug: space.slug, role: "auditor", expiresInDays: 7 });
      if (!link.ok) throw new Error(link.error.code);
      const lin = await createUser();
      const [accepted, added] = await Promise.all([
        outcome(acceptInvitation(actorOf(lin), { token: link.data.path.split("/").pop()! })),
        outcome(addMember(actorOf(owner), { spaceSlug: space.slug, email: lin.email!, role: "member" })),
      ]);
      expect([accepted, added].sort()).toEqual(["ALREADY_MEMBER", "ok"]);
      expect(await db.membership.count({ where: { spaceId: space.id, userId: lin.id } })).toBe(1);
      const joins = await eventsFor({ spaceId: space.id });
      expect(joins.filter((e) => e.type === "member.added" || e.type === "member.joined")).toHaveLength(1);
      // The link is spent only if it was what made them a member.
      const invitation = await db.invitation.findUniqueOrThrow({ where: { id: link.data.id } });
      expect(invitation.usedById).toBe(accepted === "ok" ? lin.id : null);
    }
  });
});
