// Closing early only once the outcome can no longer change, under the charter version the decision opened with.
import { describe, expect, it } from "vitest";
import { amendCharter } from "@/lib/spaces/use-cases/amend-charter";
import { db } from "@/lib/db";
import { settleDecision } from "@/lib/decisions/mutations/settle-decision";
import { openDecisionInput } from "@/lib/decisions/schema";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { closeDecision } from "@/lib/decisions/use-cases/close-decision";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { eventsFor } from "@/test/support/factories";
import { community, releaseInReview, snapshot, testCharter } from "./support";

function input(slug: string, fields: Record<string, unknown>) {
  return openDecisionInput.parse({ spaceSlug: slug, title: "A decision", question: "Should we?", hours: 24, ...fields });
}

async function opened(result: Awaited<ReturnType<typeof openDecision>>) {
  if (!result.ok) throw new Error(`open failed: ${result.error.code} ${result.error.message}`);
  return result.data.id;
}

async function vote(voter: Parameters<typeof castBallot>[0], decisionId: string, choice: unknown) {
  expect(await castBallot(voter, { decisionId, choice })).toMatchObject({ ok: true });
}

describe("closing a decision early", () => {
  it("refuses while 2 binding voters have not voted and 1 of 3 +1 is in, changing nothing; allows it once the outcome is final", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "steward", "member"] });
    const [owner, s1, s2, member] = people;
    const release = await releaseInReview(space.id, owner!.id);
    const id = await opened(await openDecision(owner!, input(space.slug, { kind: "release", releaseId: release.id })));
    await vote(owner!, id, "+1");
    await vote(member!, id, "+1"); // advisory: never changes the outcome, so it does not help either

    const reason = "2 binding voters can still vote; the outcome could still change.";
    expect((await decisionDetail(s1!, id)).earlyClose).toEqual({ allowed: false, reason, verdict: null });
    const before = await snapshot(space.id, id);
    expect(await closeDecision(s1!, { decisionId: id })).toEqual({ ok: false, error: { code: "OUTCOME_NOT_FINAL", message: reason, kind: "rule" } });
    expect(await snapshot(space.id, id)).toEqual(before);
    expect(before.decision).toMatchObject({ status: "open", outcome: null, closedAt: null });
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("voting");

    await vote(s1!, id, "+1");
    expect((await decisionDetail(s1!, id)).earlyClose.reason).toBe("1 binding voter can still vote; the outcome could still change.");
    expect(await closeDecision(s1!, { decisionId: id })).toMatchObject({ ok: false, error: { code: "OUTCOME_NOT_FINAL" } });

    await vote(s2!, id, "+1");
    expect((await decisionDetail(s1!, id)).earlyClose).toEqual({
      allowed: true,
      reason: "The outcome can no longer change: it passes because 3 binding +1, 0 binding -1; 3 needed.",
      verdict: "passes because 3 binding +1, 0 binding -1; 3 needed.",
    });
    expect(await closeDecision(s1!, { decisionId: id })).toEqual({ ok: true, data: { status: "passed", explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed." } });
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "closed", closedById: s1!.id });
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("approved");
    const closes = await eventsFor({ spaceId: space.id, type: "decision.closed" });
    expect(closes).toHaveLength(1);
    expect(closes[0]?.data).toMatchObject({ status: "passed", closedBy: "early", ballots: 4 });
    expect((await decisionDetail(s1!, id)).earlyClose).toEqual({ allowed: false, reason: "This decision is closed.", verdict: null });
  });

  it("allows closing before everyone voted when no remaining ballot can change the outcome", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "steward", "steward"] });
    const [owner, s1, s2] = people;
    const id = await opened(await openDecision(owner!, input(space.slug, { kind: "policy" })));
    for (const voter of [owner!, s1!, s2!]) await vote(voter, id, "yes");
    // 3 yes against at most 1 no still passes (more than half), and the quorum of half is met.
    expect((await decisionDetail(owner!, id)).earlyClose).toMatchObject({ allowed: true });
    expect(await closeDecision(owner!, { decisionId: id })).toMatchObject({ ok: true, data: { status: "passed" } });
    expect(await db.decision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "closed" });
    expect(await eventsFor({ spaceId: space.id, type: "decision.closed" })).toHaveLength(1);
  });

  it("follows the charter version the decision opened under: turning early close on later does not allow it", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"], charter: testCharter((c) => (c.decisions.policy.earlyClose = false)) });
    const [owner, steward] = people;
    const id = await opened(await openDecision(owner!, input(space.slug, { kind: "policy" })));
    for (const voter of [owner!, steward!]) await vote(voter, id, "yes");
    const amended = await amendCharter(owner!, { spaceSlug: space.slug, charter: testCharter(), reason: "Allow early close" });
    expect(amended).toMatchObject({ ok: true, data: { version: 2 } });

    const reason = "The charter (version 1, under which this decision opened) does not allow closing policy decisions early.";
    expect((await decisionDetail(owner!, id)).earlyClose).toEqual({ allowed: false, reason, verdict: null });
    const before = await snapshot(space.id, id);
    expect(await closeDecision(owner!, { decisionId: id })).toMatchObject({ ok: false, error: { code: "EARLY_CLOSE_NOT_ALLOWED", kind: "rule" } });
    expect(await snapshot(space.id, id)).toEqual(before);

    // A decision opened under version 2 may close early.
    const later = await opened(await openDecision(owner!, input(space.slug, { kind: "policy" })));
    for (const voter of [owner!, steward!]) await vote(voter, later, "yes");
    expect(await closeDecision(owner!, { decisionId: later })).toMatchObject({ ok: true, data: { status: "passed" } });
  });

  it("follows the charter version the decision opened under: turning early close off later does not forbid it", async () => {
    const { space, people } = await community({ roles: ["owner", "steward"] });
    const [owner, steward] = people;
    const id = await opened(await openDecision(owner!, input(space.slug, { kind: "policy" })));
    for (const voter of [owner!, steward!]) await vote(voter, id, "no");
    const amended = await amendCharter(owner!, { spaceSlug: space.slug, charter: testCharter((c) => (c.decisions.policy.earlyClose = false)), reason: "No more early closes" });
    expect(amended).toMatchObject({ ok: true, data: { version: 2 } });
    expect((await decisionDetail(owner!, id)).earlyClose).toMatchObject({ allowed: true, verdict: expect.stringMatching(/^fails because 0 yes, 2 no/) });
    expect(await closeDecision(owner!, { decisionId: id })).toMatchObject({ ok: true, data: { status: "failed" } });
  });

  it("the close itself re-checks finality on the ballots it reads under the lock, so no caller can skip it", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "steward"] });
    const [owner, s1] = people;
    const id = await opened(await openDecision(owner!, input(space.slug, { kind: "policy" })));
    await vote(owner!, id, "yes");
    await vote(s1!, id, "yes");
    // 2 yes with 1 silent voter passes either way; a change of mind would make it open again.
    await vote(s1!, id, "no");
    const before = await snapshot(space.id, id);
    const settled = await settleDecision({ decisionId: id, now: new Date(), actorId: owner!.id, closedBy: "early" });
    expect(settled).toEqual({ settled: false, notFinal: "1 binding voter can still vote; the outcome could still change." });
    expect(await snapshot(space.id, id)).toEqual(before);
  });
});
