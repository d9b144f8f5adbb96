// A proposal belongs to its proposer: only they, owners and stewards edit, submit, send back or withdraw it.
// Every refusal leaves the release row and the record exactly as they were; a withdrawal keeps its reason.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { releasePageData } from "@/lib/releases/page-data";
import { transitionReleaseInput } from "@/lib/releases/schema";
import { editRelease } from "@/lib/releases/use-cases/edit-release";
import { transitionRelease } from "@/lib/releases/use-cases/transition-release";
import { proposeRelease } from "@/lib/releases/use-cases/propose-release";
import { parseInput } from "@/lib/validation";
import { createSpace, createUser, eventsFor } from "@/test/support/factories";
import { actorOf, proposal, snapshot } from "./helpers";

async function team() {
  const [owner, steward, auditor, proposer, member, outsider] = await Promise.all([
    createUser({ name: "Amara" }),
    createUser({ name: "Bruno" }),
    createUser({ name: "Dara" }),
    createUser({ name: "Chen Wei" }),
    createUser({ name: "Emil" }),
    createUser({ name: "Gita" }),
  ]);
  const space = await createSpace({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: steward.id, role: "steward" },
      { userId: auditor.id, role: "auditor" },
      { userId: proposer.id, role: "member" },
      { userId: member.id, role: "member" },
    ],
  });
  const people = {
    owner: actorOf(owner),
    steward: actorOf(steward),
    auditor: actorOf(auditor),
    proposer: actorOf(proposer),
    member: actorOf(member),
    outsider: actorOf(outsider),
  };
  return { space, ...people };
}

type Team = Awaited<ReturnType<typeof team>>;
type Who = "proposer" | "steward" | "owner" | "member" | "auditor" | "outsider" | "anonymous";
const actorFor = (t: Team, who: Who): Actor | null => (who === "anonymous" ? null : t[who]);

/** A draft of the proposer's; `inReview` sends it on first (by the proposer) for the back-to-draft case. */
async function draftOf(t: Team, { inReview = false } = {}) {
  const created = await proposeRelease(t.proposer, proposal(t.space.slug));
  if (!created.ok) throw new Error(`setup: ${created.error.message}`);
  if (inReview) {
    const sent = await transitionRelease(t.proposer, { releaseId: created.data.id, to: "in_review", note: "" });
    if (!sent.ok) throw new Error(`setup: ${sent.error.message}`);
  }
  return created.data.id;
}

type Operation = {
  name: string;
  verb: string;
  inReview?: boolean;
  run: (actor: Actor | null, releaseId: string) => Promise<unknown>;
  event: string;
};

const operations: Operation[] = [
  {
    name: "edit the draft",
    verb: "edit a release proposal",
    run: (actor, releaseId) => editRelease(actor, { releaseId, summary: "Rewritten by someone" }),
    event: "release.edited",
  },
  {
    name: "send the draft for review",
    verb: "send a release to review, back to draft, or withdraw it",
    run: (actor, releaseId) => transitionRelease(actor, { releaseId, to: "in_review", note: "" }),
    event: "release.submitted",
  },
  {
    name: "send it back to draft",
    verb: "send a release to review, back to draft, or withdraw it",
    inReview: true,
    run: (actor, releaseId) => transitionRelease(actor, { releaseId, to: "draft", note: "" }),
    event: "release.returned_to_draft",
  },
  {
    name: "withdraw the draft",
    verb: "send a release to review, back to draft, or withdraw it",
    run: (actor, releaseId) => transitionRelease(actor, { releaseId, to: "withdrawn", note: "", reason: "Superseded by 2.1" }),
    event: "release.withdrawn",
  },
];

const allowed: Who[] = ["proposer", "steward", "owner"];
const refusedWith: Array<[Who, string, string]> = [
  ["member", "FORBIDDEN", "you are a member."],
  ["auditor", "FORBIDDEN", "you are an auditor."],
  ["outsider", "FORBIDDEN", "you are not a member of this space."],
];

describe("who may act on a release proposal", () => {
  const allowedCases = operations.flatMap((op) => allowed.map((who) => ({ op, who })));
  it.each(allowedCases)("the $who may $op.name, and the record names them", async ({ op, who }) => {
    const t = await team();
    const releaseId = await draftOf(t, { inReview: op.inReview });
    const actor = actorFor(t, who)!;
    const result = await op.run(actor, releaseId);
    expect(result).toMatchObject({ ok: true });
    const events = await eventsFor({ spaceId: t.space.id, type: op.event });
    expect(events.at(-1)).toMatchObject({ actorId: actor.id, subject: { releaseId } });
  });

  const refusedCases = operations.flatMap((op) => refusedWith.map(([who, code, yours]) => ({ op, who, code, yours })));
  it.each(refusedCases)("another $who may not $op.name: $code with a sentence, and nothing changes", async ({ op, who, code, yours }) => {
    const t = await team();
    const releaseId = await draftOf(t, { inReview: op.inReview });
    const before = await snapshot(t.space.id);
    await expect(op.run(actorFor(t, who), releaseId)).rejects.toMatchObject({
      code,
      kind: "forbidden",
      message: `Only the proposer, owners or stewards may ${op.verb}; ${yours}`,
    });
    expect(await snapshot(t.space.id)).toEqual(before);
  });

  it.each(operations)("an anonymous caller may not $name: UNAUTHENTICATED, and nothing changes", async (op) => {
    const t = await team();
    const releaseId = await draftOf(t, { inReview: op.inReview });
    const before = await snapshot(t.space.id);
    await expect(op.run(null, releaseId)).rejects.toMatchObject({ code: "UNAUTHENTICATED", kind: "unauthenticated" });
    expect(await snapshot(t.space.id)).toEqual(before);
  });

  it("a proposer who has left the space may no longer act on their draft", async () => {
    const t = await team();
    const releaseId = await draftOf(t);
    await db.membership.deleteMany({ where: { spaceId: t.space.id, userId: t.proposer.id } });
    const before = await snapshot(t.space.id);
    await expect(transitionRelease(t.proposer, { releaseId, to: "withdrawn", note: "", reason: "Leaving" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the proposer, owners or stewards may send a release to review, back to draft, or withdraw it; you are not a member of this space.",
    });
    expect(await snapshot(t.space.id)).toEqual(before);
  });

  it("the release page offers the controls exactly to those the policy allows", async () => {
    const t = await team();
    const releaseId = await draftOf(t);
    const seen = async (who: Who) => (await releasePageData(actorFor(t, who), t.space.slug, releaseId)).transitions;
    expect(await seen("proposer")).toEqual(["in_review", "withdrawn"]);
    expect(await seen("steward")).toEqual(["in_review", "withdrawn"]);
    expect(await seen("owner")).toEqual(["in_review", "withdrawn"]);
    expect(await seen("member")).toEqual([]);
    expect(await seen("auditor")).toEqual([]);
    expect(await seen("outsider")).toEqual([]);
    expect(await seen("anonymous")).toEqual([]);
  });
});

describe("withdrawing asks for a reason", () => {
  it.each([
    ["no reason", undefined],
    ["an empty reason", ""],
    ["a reason of spaces", "   "],
  ])("refuses %s with REASON_REQUIRED under the reason field, and nothing changes", async (_what, reason) => {
    const t = await team();
    const releaseId = await draftOf(t);
    const before = await snapshot(t.space.id);
    const input = parseInput(transitionReleaseInput, { releaseId, to: "withdrawn", ...(reason === undefined ? {} : { reason }) });
    if (!input.ok) throw new Error("the schema should accept a missing reason and leave the rule to say why");
    const result = await transitionRelease(t.proposer, input.data);
    expect(result).toEqual({
      ok: false,
      error: {
        code: "REASON_REQUIRED",
        message: "Say why the release is withdrawn; the record keeps the reason.",
        kind: "invalid",
        fields: { reason: ["Say why the release is withdrawn; the record keeps the reason."] },
      },
    });
    expect(await snapshot(t.space.id)).toEqual(before);
  });

  it("refuses a reason over 500 characters at the boundary, under the reason field", () => {
    const parsed = parseInput(transitionReleaseInput, { releaseId: "r", to: "withdrawn", reason: "x".repeat(501) });
    expect(parsed).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", kind: "invalid", fields: { reason: ["The reason is limited to 500 characters."] } } });
    expect(parseInput(transitionReleaseInput, { releaseId: "r", to: "withdrawn", reason: ` ${"x".repeat(500)} ` })).toMatchObject({ ok: true });
  });

  it("a steward withdrawing someone's draft: the event keeps the reason, the page says who and why", async () => {
    const t = await team();
    const releaseId = await draftOf(t);
    const moved = await transitionRelease(t.steward, { releaseId, to: "withdrawn", note: "", reason: "  Duplicate of lumen-7b 2.1  " });
    expect(moved).toMatchObject({ ok: true, data: { from: "draft", to: "withdrawn" } });
    expect((await db.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("withdrawn");
    const events = await eventsFor({ spaceId: t.space.id, type: "release.withdrawn" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: t.steward.id, subject: { releaseId }, data: { from: "draft", to: "withdrawn", reason: "Duplicate of lumen-7b 2.1" } });
    if (moved.ok) expect(moved.data.receipt).toBe(events[0]?.hash);

    const page = await releasePageData(null, t.space.slug, releaseId);
    expect(page.withdrawal).toEqual({ by: "Bruno", at: events[0]?.createdAt, reason: "Duplicate of lumen-7b 2.1" });
    expect(page.transitions).toEqual([]);
  });
});
