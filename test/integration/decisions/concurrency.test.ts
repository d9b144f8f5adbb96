// Correctness under load: many voters at once, ballots racing the close, and a close seen by many requests.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { openDecisionInput } from "@/lib/decisions/schema";
import type { Actor } from "@/lib/auth/session";
import type { SpaceRole } from "@/lib/policy-resource";
import { createSpace, eventsFor, unique } from "@/test/support/factories";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorOf, testCharter } from "./support";

async function crowd(size: number): Promise<{ space: { id: string; slug: string }; voters: Actor[] }> {
  const tag = unique("crowd");
  await db.user.createMany({ data: Array.from({ length: size }, (_, i) => ({ name: `${tag}-${i}`, email: `${tag}-${i}@example.test` })) });
  const users = await db.user.findMany({ where: { email: { startsWith: `${tag}-` } }, orderBy: { email: "asc" } });
  const space = await createSpace({ members: users.map((u, i) => ({ userId: u.id, role: (i === 0 ? "owner" : "steward") as SpaceRole })) });
  await db.charterVersion.create({ data: { spaceId: space.id, version: 1, charter: testCharter() as Prisma.InputJsonObject, reason: "test" } });
  return { space, voters: users.map(actorOf) };
}

async function openPlurality(owner: Actor, slug: string, closesAt: Date) {
  const opened = await openDecision(
    owner,
    openDecisionInput.parse({ spaceSlug: slug, title: "Colour", kind: "policy", method: "plurality", closesAt: closesAt.toISOString(), options: [{ id: "a", label: "A" }, { id: "b", label: "B" }, { id: "c", label: "C" }] }),
  );
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.data.id;
}

const options = ["a", "b", "c"];

describe("ballots under concurrency", () => {
  it("500 voters casting and changing at once end with one current ballot each and the true tally", async () => {
    const { space, voters } = await crowd(500);
    const id = await openPlurality(voters[0]!, space.slug, new Date(Date.now() + 3600_000));
    const truth = new Map<string, string>();
    let casts = 0;
    await Promise.all(
      voters.map(async (voter, i) => {
        // Everyone casts, then changes once or twice; the last value is the truth.
        const sequence = [options[i % 3]!, options[(i + 1) % 3]!, ...(i % 4 === 0 ? [options[(i + 2) % 3]!] : [])];
        for (const choice of sequence) {
          const cast = await castBallot(voter, { decisionId: id, choice });
          if (!cast.ok) throw new Error(`${cast.error.code}: ${cast.error.message}`);
          casts += 1;
        }
        truth.set(voter.id, sequence[sequence.length - 1]!);
      }),
    );
    const ballots = await db.ballot.findMany({ where: { decisionId: id } });
    expect(ballots).toHaveLength(500);
    for (const ballot of ballots) expect(ballot.choice).toBe(truth.get(ballot.voterId));
    expect(await eventsFor({ spaceId: space.id, type: "ballot.cast" })).toHaveLength(casts);

    const expected = { a: 0, b: 0, c: 0 } as Record<string, number>;
    for (const choice of truth.values()) expected[choice] = (expected[choice] ?? 0) + 1;
    const view = await decisionDetail(null, id);
    expect(view.tally.counts).toEqual(expected);
    expect(view.tally.ignored).toBe(0);
  });

  it("ballots racing the close are either counted or refused with VOTING_CLOSED, never half-applied; the close runs once", async () => {
    const { space, voters } = await crowd(240);
    // Time is passed in rather than waited for: each request says when it arrives, so no timer decides the race.
    const closesAt = new Date(Date.now() + 3600_000);
    const at = (offsetMs: number) => new Date(closesAt.getTime() + offsetMs);
    const id = await openPlurality(voters[0]!, space.slug, closesAt);
    // Voters arrive spread across the deadline, from 600 ms before it to 580 ms after.
    const arrivals = voters.map((voter, i) => ({ voter, choice: options[i % 3]!, offset: -600 + (i % 60) * 20 }));
    const cast = ({ voter, choice, offset }: (typeof arrivals)[number]) => castBallot(voter, { decisionId: id, choice }, at(offset));
    // The earliest sixth are in before anything can close the vote...
    const first = await Promise.all(arrivals.filter((a) => a.offset < -400).map(cast));
    for (const r of first) expect(r).toMatchObject({ ok: true });
    // ...the rest race each other, the deadline, and readers who hit the decision right after it.
    const racing = arrivals.filter((a) => a.offset >= -400);
    const results = await Promise.all([
      ...racing.map(cast),
      ...Array.from({ length: 20 }, async () => decisionDetail(null, id, at(50)).then(() => null)),
    ]);
    const raced = results.filter((r) => r !== null);
    // Whoever closes the vote, nothing that arrives at or after the deadline is counted.
    racing.forEach((a, i) => {
      if (a.offset >= 0) expect(raced[i]).toMatchObject({ ok: false, error: { code: "VOTING_CLOSED" } });
    });
    // A ballot stamped before the deadline but written after the close (a slow request) is refused too, and
    // leaves the voter's earlier ballot as it was.
    const straggler = arrivals[0]!;
    const kept = await db.ballot.findFirstOrThrow({ where: { decisionId: id, voterId: straggler.voter.id } });
    expect(await castBallot(straggler.voter, { decisionId: id, choice: "b" }, at(-1))).toMatchObject({ ok: false, error: { code: "VOTING_CLOSED", kind: "conflict" } });
    expect(await db.ballot.findFirstOrThrow({ where: { decisionId: id, voterId: straggler.voter.id } })).toEqual(kept);
    const outcomes = [...first, ...raced];
    const accepted = outcomes.filter((r) => r.ok).length;
    const refused = outcomes.filter((r) => !r.ok);
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: "VOTING_CLOSED", kind: "conflict" } });
    expect(accepted).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);

    const decision = await db.decision.findUniqueOrThrow({ where: { id } });
    expect(decision.status).toBe("closed");
    const outcome = decision.outcome as { counts: Record<string, number> };
    const counted = Object.values(outcome.counts).reduce((a, b) => a + b, 0);
    expect(await db.ballot.count({ where: { decisionId: id } })).toBe(accepted);
    expect(counted).toBe(accepted);
    expect(await eventsFor({ spaceId: space.id, type: "ballot.cast" })).toHaveLength(accepted);
    expect(await eventsFor({ spaceId: space.id, type: "decision.closed" })).toHaveLength(1);
  });

  it("many requests seeing the deadline at once close it exactly once", async () => {
    const { space, voters } = await crowd(3);
    const closesAt = new Date(Date.now() + 3600_000);
    const id = await openPlurality(voters[0]!, space.slug, closesAt);
    expect(await castBallot(voters[1]!, { decisionId: id, choice: "b" })).toMatchObject({ ok: true });
    expect(await castBallot(voters[2]!, { decisionId: id, choice: "b" })).toMatchObject({ ok: true });
    const afterDeadline = new Date(closesAt.getTime() + 100);
    const views = await Promise.all(Array.from({ length: 40 }, () => decisionDetail(null, id, afterDeadline)));
    for (const view of views) expect(view).toMatchObject({ status: "closed", outcome: { status: "passed", winner: "b" } });
    expect(await eventsFor({ spaceId: space.id, type: "decision.closed" })).toHaveLength(1);
  });
});
