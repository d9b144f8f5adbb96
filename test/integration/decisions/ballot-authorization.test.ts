// The ballot path asks the policy before it writes, on the voter's remembered standing, and its one write
// statement holds only while that standing does: a space made private, or a member removed, after the
// standing was cached, is answered as it is now (decided again on a fresh read), and nothing is written.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { openDecisionInput } from "@/lib/decisions/schema";
import { addMember } from "@/lib/members/use-cases/add-member";
import { changeRole } from "@/lib/members/use-cases/change-role";
import { removeMember } from "@/lib/members/use-cases/remove-member";
import { updateSpace } from "@/lib/spaces/use-cases/update-space";
import { updateSpaceInput } from "@/lib/spaces/schema";
import { createUser } from "@/test/support/factories";
import { actorOf, answer, community, snapshot } from "./support";


async function openPolicyVote(roles: Parameters<typeof community>[0]["roles"]) {
  const { space, people } = await community({ roles });
  const opened = await openDecision(people[0]!, openDecisionInput.parse({ spaceSlug: space.slug, title: "Adopt the policy", kind: "policy", hours: 24 }));
  if (!opened.ok) throw new Error(opened.error.message);
  return { space, people, decisionId: opened.data.id };
}

/** Every statement the app sends to Postgres while `call` runs (Prisma's and queryRows' alike go through pg.Client). */
async function statementsDuring(call: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const original = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    texts.push(typeof first === "string" ? first : String((first as { text?: string }).text ?? ""));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original);
  try {
    await call();
  } finally {
    spy.mockRestore();
  }
  return texts;
}
const isWrite = (sql: string) => /\b(insert|update|delete)\b/i.test(sql) || /^\s*begin\b/i.test(sql);
const isStandingRead = (sql: string) => /^\s*SELECT s\.visibility/.test(sql);

afterEach(() => vi.restoreAllMocks());

describe("castBallot authorizes before it writes", () => {
  it("answers a non-member NOT_FOUND 'No such decision.' once the space is made private after the cache was warmed", async () => {
    const { space, people, decisionId } = await openPolicyVote(["owner", "member"]);
    const [owner, member] = people;
    const outsider = actorOf(await createUser());
    // Warm the cached voting facts with a real ballot, and hear the public space's answer first.
    expect(await castBallot(member!, { decisionId, choice: "yes" })).toMatchObject({ ok: true });
    expect(await answer(() => castBallot(outsider, { decisionId, choice: "yes" }))).toMatchObject({ code: "FORBIDDEN", kind: "forbidden" });

    const made = await updateSpace(owner!, updateSpaceInput.parse({ spaceSlug: space.slug, name: space.name, visibility: "private" }));
    expect(made).toMatchObject({ ok: true });
    const before = await snapshot(space.id, decisionId);

    const missing = await answer(() => castBallot(outsider, { decisionId: "cmnosuchdecision00000000000", choice: "yes" }));
    for (const who of [outsider, null]) {
      const hidden = await answer(() => castBallot(who, { decisionId, choice: "yes" }));
      expect(hidden).toEqual(missing);
      expect(hidden).toEqual({ code: "NOT_FOUND", message: "No such decision.", kind: "not_found" });
    }
    expect(await snapshot(space.id, decisionId)).toEqual(before);
    // A member still votes in the private space.
    expect(await castBallot(member!, { decisionId, choice: "no" })).toMatchObject({ ok: true, data: { changed: true } });
  });

  it("refuses a member removed after the cache was warmed, and writes nothing", async () => {
    const { space, people, decisionId } = await openPolicyVote(["owner", "steward", "member"]);
    const [, steward, member] = people;
    expect(await castBallot(member!, { decisionId, choice: "yes" })).toMatchObject({ ok: true });
    expect(await removeMember(steward!, { spaceSlug: space.slug, userId: member!.id })).toMatchObject({ ok: true });
    const before = await snapshot(space.id, decisionId);

    const statements = await statementsDuring(async () => {
      expect(await answer(() => castBallot(member!, { decisionId, choice: "no" }))).toEqual({
        code: "FORBIDDEN",
        message: "Only owners, stewards, auditors or members may vote; you are not a member of this space.",
        kind: "forbidden",
      });
    });
    // The cached standing let the guarded write go first; it wrote nothing, and the refusal was decided on a
    // fresh read of the standing.
    expect(statements.filter(isWrite)).toHaveLength(1);
    expect(statements.filter(isStandingRead)).toHaveLength(1);
    expect(statements.findIndex(isStandingRead)).toBeGreaterThan(statements.findIndex(isWrite));
    expect(await snapshot(space.id, decisionId)).toEqual(before);
  });

  it("counts the ballot of a voter whose role changed after the cache was warmed, and of one who rejoined", async () => {
    const { space, people, decisionId } = await openPolicyVote(["owner", "member", "member"]);
    const [owner, member, other] = people;
    expect(await castBallot(member!, { decisionId, choice: "yes" })).toMatchObject({ ok: true });
    expect(await changeRole(owner!, { spaceSlug: space.slug, userId: member!.id, role: "steward" })).toMatchObject({ ok: true });
    expect(await castBallot(member!, { decisionId, choice: "no" })).toMatchObject({ ok: true, data: { changed: true } });

    // A refusal leaves the fresh denial in the cache; a cached denial is read again before it is believed.
    expect(await castBallot(other!, { decisionId, choice: "yes" })).toMatchObject({ ok: true });
    expect(await removeMember(owner!, { spaceSlug: space.slug, userId: other!.id })).toMatchObject({ ok: true });
    expect(await answer(() => castBallot(other!, { decisionId, choice: "no" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await addMember(owner!, { spaceSlug: space.slug, email: other!.email!, role: "member" })).toMatchObject({ ok: true });
    expect(await castBallot(other!, { decisionId, choice: "no" })).toMatchObject({ ok: true, data: { changed: true } });
  });

  it("refuses a member removed from a private space as if the decision did not exist", async () => {
    const { space, people, decisionId } = await openPolicyVote(["owner", "member"]);
    const [owner, member] = people;
    expect(await castBallot(member!, { decisionId, choice: "yes" })).toMatchObject({ ok: true });
    await updateSpace(owner!, updateSpaceInput.parse({ spaceSlug: space.slug, name: space.name, visibility: "private" }));
    expect(await removeMember(owner!, { spaceSlug: space.slug, userId: member!.id })).toMatchObject({ ok: true });
    const before = await snapshot(space.id, decisionId);
    expect(await answer(() => castBallot(member!, { decisionId, choice: "no" }))).toEqual({ code: "NOT_FOUND", message: "No such decision.", kind: "not_found" });
    expect(await snapshot(space.id, decisionId)).toEqual(before);
  });

  it("keeps the hot path to one statement: the ballot and its event together, authorized on the cached standing", async () => {
    const { people, decisionId } = await openPolicyVote(["owner", "member"]);
    const [, member] = people;
    expect(await castBallot(member!, { decisionId, choice: "yes" })).toMatchObject({ ok: true }); // warms the caches
    let result: unknown;
    const statements = await statementsDuring(async () => {
      result = await castBallot(member!, { decisionId, choice: "no" });
    });
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/INSERT INTO ballots/);
    expect(statements[0]).toMatch(/JOIN spaces s ON s\.id = d\.space_id AND s\.visibility::text = /);
  });
});
