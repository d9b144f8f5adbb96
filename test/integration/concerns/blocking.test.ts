// Blocking concerns against a real Postgres: an open one keeps a decision from passing until it is resolved or
// overridden, the close at the deadline fails while one is open, and each change is a record event.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listSubjectConcerns } from "@/lib/concerns/use-cases/list-concerns";
import { overrideConcern } from "@/lib/concerns/use-cases/override-concern";
import { raiseConcern } from "@/lib/concerns/use-cases/raise-concern";
import { resolveConcern } from "@/lib/concerns/use-cases/resolve-concern";
import { settleDecision } from "@/lib/decisions/mutations/settle-decision";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { closeDecision } from "@/lib/decisions/use-cases/close-decision";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { eventsFor } from "@/test/support/factories";
import { community, input, opened, releaseInReview, testCharter } from "@/test/integration/decisions/support";

const blocking = testCharter((charter) => {
  charter.decisions.policy.concernsBlock = true;
  charter.decisions.release.concernsBlock = true;
});

async function policyVote(charter = blocking) {
  const { space, people } = await community({ roles: ["owner", "steward", "member"], charter });
  const decision = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 24 })));
  return { space, people, decisionId: decision.id };
}

async function vote(voter: Parameters<typeof castBallot>[0], decisionId: string, choice: unknown) {
  expect(await castBallot(voter, { decisionId, choice })).toMatchObject({ ok: true });
}

const concern = { title: "Eval set leaks into training data", body: "The **eval prompts** are in shard 17." };

describe("an open blocking concern", () => {
  it("keeps a decision from passing until the one who raised it resolves it", async () => {
    const { space, people, decisionId } = await policyVote();
    const [owner, steward] = people;
    const raised = await raiseConcern(steward!, { on: "decision", subjectId: decisionId, ...concern });
    expect(raised).toMatchObject({ ok: true });
    const concernId = raised.ok ? raised.data.id : "";
    await vote(owner!, decisionId, "yes");
    await vote(steward!, decisionId, "yes");

    const sentence = `Fails while 1 concern is open: 'Eval set leaks into training data' by ${steward!.name}`;
    const live = await decisionDetail(owner!, decisionId);
    expect(live.tally.status).toBe("failed");
    expect(live.tally.explanation).toBe(`${sentence}. Without it the votes pass: 2 yes, 0 no and 0 abstain among binding votes; more than half of yes + no must be yes.`);
    expect(live.projection).toBe(`If it closed now: f${live.tally.explanation.slice(1)}`);
    expect(live.earlyClose).toEqual({ allowed: false, reason: `${sentence}; it must be resolved or overridden before this decision can pass.`, verdict: null });

    const before = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
    expect(await closeDecision(owner!, { decisionId })).toEqual({ ok: false, error: { code: "OUTCOME_NOT_FINAL", message: live.earlyClose.reason, kind: "rule" } });
    expect(await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).toEqual(before);

    const listed = await listSubjectConcerns(owner!, { on: "decision", subjectId: decisionId });
    expect(listed).toMatchObject({ blocks: true, open: 1, blocking: `${sentence}.` });
    expect(listed.concerns[0]?.you).toEqual({ canResolve: false, canOverride: true });

    expect(await resolveConcern(steward!, { concernId, note: "Shard 17 decontaminated." })).toMatchObject({ ok: true });
    expect(await db.concern.findUniqueOrThrow({ where: { id: concernId } })).toMatchObject({ status: "resolved", closedById: steward!.id, closeNote: "Shard 17 decontaminated." });
    expect((await decisionDetail(owner!, decisionId)).tally.status).toBe("passed");
    expect(await closeDecision(owner!, { decisionId })).toMatchObject({ ok: true, data: { status: "passed" } });

    const events = await eventsFor({ spaceId: space.id });
    const raisedEvent = events.find((e) => e.type === "concern.raised");
    expect(raisedEvent).toMatchObject({ actorId: steward!.id, subject: { concernId, decisionId }, data: { on: "decision", ...concern, blocks: true } });
    expect(events.find((e) => e.type === "concern.resolved")).toMatchObject({ actorId: steward!.id, subject: { concernId, decisionId }, data: { title: concern.title, note: "Shard 17 decontaminated." } });
    expect(events.map((e) => e.type).indexOf("concern.resolved")).toBeLessThan(events.map((e) => e.type).indexOf("decision.closed"));
  });

  it("fails the decision at its deadline while it is open, and says why", async () => {
    const { people, decisionId } = await policyVote();
    const [owner, steward] = people;
    expect(await raiseConcern(steward!, { on: "decision", subjectId: decisionId, ...concern })).toMatchObject({ ok: true });
    await vote(owner!, decisionId, "yes");
    const after = new Date(Date.now() + 25 * 3600_000);
    const settled = await settleDecision({ decisionId, now: after, actorId: null, closedBy: "deadline" });
    expect(settled).toMatchObject({ settled: true, outcome: { status: "failed" } });
    const explanation = settled.settled ? settled.outcome.explanation : "";
    expect(explanation.startsWith(`Fails while 1 concern is open: 'Eval set leaks into training data' by ${steward!.name}. Without it the votes pass: `)).toBe(true);
  });

  it("does not block where the charter leaves concernsBlock unset (the default), though it is recorded", async () => {
    const { people, decisionId } = await policyVote(testCharter());
    const [owner, steward] = people;
    expect(await raiseConcern(steward!, { on: "decision", subjectId: decisionId, ...concern })).toMatchObject({ ok: true });
    await vote(owner!, decisionId, "yes");
    await vote(steward!, decisionId, "yes");
    expect((await listSubjectConcerns(owner!, { on: "decision", subjectId: decisionId })).blocking).toBeNull();
    expect(await closeDecision(owner!, { decisionId })).toMatchObject({ ok: true, data: { status: "passed" } });
  });

  it("is overridden by a steward with a reason, and the vote may pass; the raiser cannot override, a member cannot either", async () => {
    const { space, people, decisionId } = await policyVote();
    const [owner, steward, member] = people;
    const raised = await raiseConcern(owner!, { on: "decision", subjectId: decisionId, ...concern });
    const concernId = raised.ok ? raised.data.id : "";
    expect(await overrideConcern(member!, { concernId, reason: "I disagree." }).catch((e: Error) => e.message)).toBe("Only owners or stewards may override a concern; you are a member.");
    expect(await resolveConcern(steward!, { concernId }).catch((e: Error) => e.message)).toBe("Only the person who raised this concern can resolve it; a steward can override it with a reason.");
    expect(await db.concern.findUniqueOrThrow({ where: { id: concernId } })).toMatchObject({ status: "open" });

    expect(await overrideConcern(steward!, { concernId, reason: "The overlap is below the noise floor." })).toMatchObject({ ok: true });
    expect(await db.concern.findUniqueOrThrow({ where: { id: concernId } })).toMatchObject({ status: "overridden", closedById: steward!.id, closeNote: "The overlap is below the noise floor." });
    expect((await eventsFor({ spaceId: space.id, type: "concern.overridden" }))[0]).toMatchObject({ actorId: steward!.id, data: { title: concern.title, reason: "The overlap is below the noise floor." } });
    expect(await overrideConcern(steward!, { concernId, reason: "Again." })).toEqual({ ok: false, error: { code: "CONCERN_CLOSED", message: "This concern is already overridden.", kind: "conflict" } });
    await vote(owner!, decisionId, "yes");
    await vote(steward!, decisionId, "yes");
    expect(await closeDecision(owner!, { decisionId })).toMatchObject({ ok: true, data: { status: "passed" } });
  });

  it("on a release in review keeps it from going to a vote until resolved", async () => {
    const { space, people } = await community({ roles: ["owner", "steward", "steward"], charter: blocking });
    const [owner, steward] = people;
    const release = await releaseInReview(space.id, owner!.id);
    const raised = await raiseConcern(steward!, { on: "release", subjectId: release.id, ...concern });
    expect(raised).toMatchObject({ ok: true });
    const refused = await openDecision(owner!, input(space.slug, { kind: "release", releaseId: release.id, hours: 24 }));
    expect(refused).toMatchObject({ ok: false, error: { code: "CONCERN_BLOCKS", kind: "rule" } });
    expect(refused.ok ? "" : refused.error.message).toBe(
      `The release cannot go to a vote while 1 concern is open: 'Eval set leaks into training data' by ${steward!.name}. The person who raised it resolves it, or a steward overrides it with a reason.`,
    );
    expect((await db.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("in_review");
    expect(await resolveConcern(steward!, { concernId: raised.ok ? raised.data.id : "" })).toMatchObject({ ok: true });
    expect(await openDecision(owner!, input(space.slug, { kind: "release", releaseId: release.id, hours: 24 }))).toMatchObject({ ok: true });
    const events = await eventsFor({ spaceId: space.id, type: "concern.raised" });
    expect(events[0]).toMatchObject({ subject: { releaseId: release.id }, data: { on: "release", blocks: true } });
  });
});
