// Writes of decisions: open (eligibility frozen), cast a ballot (one short transaction), settle the close
// exactly once with its effects, cancel. Every write appends its record event in the same transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, queryRows, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendEvent, eventInsertCtes, prepareEvent } from "@/lib/record/append";
import { applyLicenseOutcome, applyReleaseOutcome, cancelReleaseVote, startReleaseVote } from "@/lib/releases/effects";
import { diffCharter, eligibleVoters, parseCharter, type Charter, type DecisionKind } from "@/lib/charter/rules";
import { outcomeIsFinal } from "@/lib/decisions/methods/finality";
import type { Ballot, MethodParams, Voter, VotingMethod } from "@/lib/decisions/methods/types";
import { checkReachable, closingOutcome, eligibilityHash, freezeEligibility, type GateView, type StoredOutcome } from "@/lib/decisions/rules";
import { mofComponentIds } from "@/lib/releases/openness";
import { scheduleDecisionJobs } from "@/lib/decisions/schedule";
import { fail, ok, type Result } from "@/lib/result";

/** Thrown inside a transaction to roll it back and hand a refusal to the caller. */
class Rollback extends Error {
  constructor(readonly result: Result<never>) {
    super(result.ok ? "rollback" : result.error.code);
  }
}

async function inTransaction<T>(fn: (tx: Tx) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T | Result<never>> {
  try {
    return await db.$transaction(fn, options);
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

export type DecisionSubject = {
  releaseId?: string;
  component?: string | null;
  license?: string;
  target?: string;
  conditions?: string;
  charter?: Charter;
  changes?: string[];
};

export async function openDecision(args: {
  spaceId: string;
  actorId: string;
  title: string;
  question: string;
  kind: DecisionKind;
  method: VotingMethod;
  params: MethodParams;
  subject: DecisionSubject;
  releaseId: string | null;
  charter: Charter;
  charterVersion: number;
  opensAt: Date;
  closesAt: Date;
}): Promise<Result<{ id: string; receipt: string; eligibilityHash: string; eligible: number }>> {
  const { spaceId, actorId, kind, releaseId } = args;
  const result = await inTransaction(async (tx) => {
    const members = await tx.membership.findMany({ where: { spaceId }, select: { userId: true, role: true } });
    const voters = freezeEligibility(eligibleVoters({ charter: args.charter, kind, members }));
    if (!voters.some((voter) => voter.binding)) {
      throw new Rollback(fail("NO_BINDING_VOTERS", `Nobody in this space holds a role with a binding vote on ${kind} decisions.`, "rule"));
    }
    const reachable = checkReachable({ method: args.method, params: args.params, voters });
    if (!reachable.ok) {
      const field = reachable.code === "QUORUM_UNREACHABLE" ? "quorum" : "minPlusOnes";
      throw new Rollback(fail(reachable.code, reachable.message, "rule", { [field]: [reachable.message] }));
    }
    const hash = eligibilityHash(voters);
    const decision = await tx.decision.create({
      data: {
        spaceId,
        title: args.title,
        question: args.question,
        kind,
        method: args.method,
        params: args.params as Prisma.InputJsonObject,
        subject: args.subject as Prisma.InputJsonObject,
        releaseId,
        charterVersion: args.charterVersion,
        eligibility: voters as unknown as Prisma.InputJsonArray,
        eligibilityHash: hash,
        opensAt: args.opensAt,
        closesAt: args.closesAt,
        createdById: actorId,
      },
      select: { id: true },
    });
    if (kind === "release" && releaseId) {
      const started = await startReleaseVote(tx, { releaseId, decisionId: decision.id, actorId });
      if (!started.ok) throw new Rollback(started);
    }
    const event = await appendEvent(tx, {
      spaceId,
      actorId,
      type: "decision.opened",
      subject: { decisionId: decision.id, ...(releaseId ? { releaseId } : {}) },
      data: {
        title: args.title,
        kind,
        method: args.method,
        params: args.params,
        opensAt: args.opensAt.toISOString(),
        closesAt: args.closesAt.toISOString(),
        charterVersion: args.charterVersion,
        eligibilityHash: hash,
        eligible: voters.length,
        binding: voters.filter((voter) => voter.binding).length,
      },
      at: args.opensAt,
    });
    await scheduleDecisionJobs(tx, { decisionId: decision.id, opensAt: args.opensAt, closesAt: args.closesAt });
    return ok({ id: decision.id, receipt: event.receipt, eligibilityHash: hash, eligible: voters.length });
  });
  return result;
}

export type BallotRefusal = "NOT_OPEN";

/**
 * The hot path: one short transaction of three statements. The event comes first so its hash can be the
 * ballot's receipt; the upsert then runs only while the decision is open and the voter still a member,
 * holding a share lock on the decision row so a concurrent close waits for it (and it for the close).
 * Nothing is recounted here: tallies are computed on read.
 */
export async function recordBallot(args: {
  decisionId: string;
  spaceId: string;
  releaseId: string | null;
  voterId: string;
  binding: boolean;
  choice: unknown;
  reason: string | null;
  now: Date;
}): Promise<Result<{ receipt: string; castAt: Date; changed: boolean; role: string }> | { ok: false; refusal: BallotRefusal }> {
  const { decisionId, voterId, now } = args;
  const event = prepareEvent({
    spaceId: args.spaceId,
    actorId: voterId,
    type: "ballot.cast",
    subject: { decisionId, ...(args.releaseId ? { releaseId: args.releaseId } : {}) },
    // The method has checked the choice; the catalog checks its shape again (a string or a list of option ids).
    data: { choice: args.choice as string | string[], ...(args.reason ? { reason: args.reason } : {}), binding: args.binding },
    at: now,
  });
  // One statement, so one round trip and atomic without a transaction: the ballot and its record event
  // are written only while the decision is open and the voter a member; FOR SHARE makes a concurrent close
  // wait for it, so a ballot is either counted or refused, never half-applied.
  const rows = await queryRows<{ role: string | null; changed: boolean | null }>(Prisma.sql`
    WITH open_decision AS (
      SELECT d.id, m.role::text AS role
      FROM decisions d JOIN memberships m ON m.space_id = d.space_id AND m.user_id = ${voterId}
      WHERE d.id = ${decisionId} AND d.status = 'open' AND d.closes_at > ${now}
      FOR SHARE OF d
    ), ${eventInsertCtes(event, Prisma.sql`FROM open_decision`)}, cast_ballot AS (
      INSERT INTO ballots (id, decision_id, voter_id, choice, reason, binding, cast_at, receipt)
      SELECT ${randomUUID()}, id, ${voterId}, ${JSON.stringify(args.choice)}::jsonb, ${args.reason}, ${args.binding}, ${now}, ${event.hash}
      FROM open_decision
      ON CONFLICT (decision_id, voter_id) DO UPDATE
        SET choice = EXCLUDED.choice, reason = EXCLUDED.reason, binding = EXCLUDED.binding, cast_at = EXCLUDED.cast_at, receipt = EXCLUDED.receipt
      RETURNING (xmax <> 0) AS changed
    )
    SELECT (SELECT role FROM open_decision) AS role, (SELECT changed FROM cast_ballot) AS changed`);
  const row = rows[0];
  if (!row?.role) return { ok: false, refusal: "NOT_OPEN" };
  return ok({ receipt: event.hash, castAt: now, changed: row.changed === true, role: row.role });
}

type ClaimedDecision = {
  id: string;
  space_id: string;
  title: string;
  kind: DecisionKind;
  method: VotingMethod;
  params: MethodParams;
  subject: DecisionSubject;
  release_id: string | null;
  eligibility: Voter[];
};

/** Rolls back an early close whose outcome could still change once the ballots are read under the lock. */
class NotFinal extends Error {}

/**
 * Closes a decision exactly once: the conditional UPDATE lets one transaction claim it (others see no row),
 * waits for ballots holding the share lock, then tallies, applies the effects and freezes the outcome.
 * An early close goes ahead only if the outcome can no longer change (checked on the ballots read under
 * the lock, so a ballot racing the close cannot slip past the check); otherwise `notFinal` says why.
 * `gate` is the audit gate of a release decision, read just before.
 */
export async function settleDecision(args: {
  decisionId: string;
  now: Date;
  actorId: string | null;
  closedBy: StoredOutcome["closedBy"];
  gate?: GateView;
}): Promise<{ settled: false; notFinal?: string } | { settled: true; outcome: StoredOutcome; receipt: string }> {
  const { decisionId, now, actorId, closedBy } = args;
  return db.$transaction(
    async (tx) => {
      const early = closedBy === "early";
      const claimed = await tx.$queryRaw<ClaimedDecision[]>`
        UPDATE decisions SET status = 'closed', closed_at = ${now}, closed_by_id = ${actorId}
        WHERE id = ${decisionId} AND status = 'open' AND (${early} OR closes_at <= ${now})
        RETURNING id, space_id, title, kind, method, params, subject, release_id, eligibility`;
      const decision = claimed[0];
      if (!decision) return { settled: false as const };
      const rows = await tx.ballot.findMany({ where: { decisionId }, select: { voterId: true, choice: true, reason: true, castAt: true } });
      const ballots: Ballot[] = rows.map((b) => ({ userId: b.voterId, choice: b.choice, reason: b.reason, castAt: b.castAt }));
      if (early) {
        const finality = outcomeIsFinal({ method: decision.method, params: decision.params, voters: decision.eligibility, ballots });
        if (!finality.final) throw new NotFinal(finality.reason);
      }
      const outcome = closingOutcome({
        method: decision.method,
        params: decision.params,
        voters: decision.eligibility,
        ballots,
        closedBy,
        gate: decision.kind === "release" ? args.gate : undefined,
      });
      outcome.applied = await applyEffects(tx, { decision, outcome, actorId, now });
      await tx.decision.update({ where: { id: decisionId }, data: { outcome: outcome as unknown as Prisma.InputJsonObject } });
      const event = await appendEvent(tx, {
        spaceId: decision.space_id,
        actorId,
        type: "decision.closed",
        subject: { decisionId, ...(decision.release_id ? { releaseId: decision.release_id } : {}) },
        data: {
          status: outcome.status,
          explanation: outcome.explanation,
          ...(outcome.winner ? { winner: outcome.winner } : {}),
          counts: outcome.counts,
          closedBy,
          ballots: ballots.length,
          applied: outcome.applied,
        },
        at: now,
      });
      return { settled: true as const, outcome, receipt: event.receipt };
    },
    { maxWait: 10_000, timeout: 20_000 },
  ).catch((error: unknown) => {
    if (error instanceof NotFinal) return { settled: false as const, notFinal: error.message };
    throw error;
  });
}

async function applyEffects(
  tx: Tx,
  { decision, outcome, actorId, now }: { decision: ClaimedDecision; outcome: StoredOutcome; actorId: string | null; now: Date },
): Promise<string[]> {
  const passed = outcome.status === "passed";
  const subject = decision.subject ?? {};
  const releaseId = decision.release_id;
  switch (decision.kind) {
    case "release": {
      if (!releaseId) return [];
      const release = await tx.release.findUnique({ where: { id: releaseId }, select: { status: true } });
      if (release?.status !== "voting") return [`The release was ${release?.status ?? "missing"}, not voting, so its status was left unchanged.`];
      await applyReleaseOutcome(tx, { releaseId, decisionId: decision.id, passed, actorId });
      return [passed ? "The release is approved." : "The release is rejected."];
    }
    case "licensing": {
      if (!passed || !releaseId) return [];
      const license = outcome.winner ? decision.params.options?.find((option) => option.id === outcome.winner)?.label : subject.license;
      if (!license) return [];
      const component = subject.component ?? null;
      // Decisions opened before components were checked may name one that does not exist: never invent it.
      if (component !== null && !(mofComponentIds as readonly string[]).includes(component)) {
        return [`"${component}" is not a component of a release, so no license was changed.`];
      }
      await applyLicenseOutcome(tx, { releaseId, component, license, decisionId: decision.id, actorId });
      return [`The license of ${component ? `the ${component} component` : "every included component"} is now ${license}.`];
    }
    case "deployment":
      return passed && subject.target ? [`Deployment approved: ${subject.target}.`] : [];
    case "charter": {
      if (!passed || !subject.charter) return [];
      const parsed = parseCharter(subject.charter);
      if (!parsed.ok) return ["The proposed charter is no longer valid, so it was not applied."];
      const latest = await tx.charterVersion.findFirst({ where: { spaceId: decision.space_id }, orderBy: { version: "desc" }, select: { version: true, charter: true } });
      const version = (latest?.version ?? 0) + 1;
      const previous = latest ? parseCharter(latest.charter) : null;
      const changes = previous?.ok ? diffCharter(previous.value, parsed.value) : (subject.changes ?? []);
      const reason = `Decided by “${decision.title}”`;
      await tx.charterVersion.create({ data: { spaceId: decision.space_id, version, charter: parsed.value as Prisma.InputJsonObject, reason, createdById: actorId, createdAt: now } });
      await appendEvent(tx, {
        spaceId: decision.space_id,
        actorId,
        type: "charter.amended",
        subject: { spaceId: decision.space_id, version, decisionId: decision.id },
        data: { version, reason, changes },
        at: now,
      });
      return [`The charter is amended (version ${version}).`];
    }
    default:
      return [];
  }
}

export async function cancelDecision(args: { decisionId: string; actorId: string; reason: string; now: Date }): Promise<Result<{ receipt: string }>> {
  const { decisionId, actorId, reason, now } = args;
  return inTransaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ space_id: string; kind: string; release_id: string | null }>>`
      UPDATE decisions SET status = 'cancelled', cancel_reason = ${reason}, closed_at = ${now}, closed_by_id = ${actorId}
      WHERE id = ${decisionId} AND status = 'open' AND closes_at > ${now}
      RETURNING space_id, kind, release_id`;
    const decision = rows[0];
    if (!decision) throw new Rollback(fail("VOTING_CLOSED", "This decision is no longer open, so it cannot be cancelled.", "conflict"));
    if (decision.kind === "release" && decision.release_id) {
      await cancelReleaseVote(tx, { releaseId: decision.release_id, decisionId, actorId });
    }
    const event = await appendEvent(tx, {
      spaceId: decision.space_id,
      actorId,
      type: "decision.cancelled",
      subject: { decisionId, ...(decision.release_id ? { releaseId: decision.release_id } : {}) },
      data: { reason },
      at: now,
    });
    return ok({ receipt: event.receipt });
  });
}

/** Schedules a decision's deadline and reminder jobs again (same job keys: the pending ones are replaced). */
export async function rescheduleDecisionJobs(args: { decisionId: string; opensAt: Date; closesAt: Date }): Promise<void> {
  await db.$transaction((tx) => scheduleDecisionJobs(tx, args));
}
