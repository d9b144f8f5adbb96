// Writes of decisions: open (eligibility frozen), cast a ballot (one short transaction), cancel; the close
// is settled in mutations/settle-decision.ts. Every write appends its record event in the same transaction.
import "server-only";
import { randomUUID } from "node:crypto";
import { db, queryRows, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendEvent, eventInsertCtes, prepareEvent } from "@/lib/record/append";
import { cancelReleaseVote, startReleaseVote } from "@/lib/releases/effects";
import { eligibleVoters, type Charter, type DecisionKind } from "@/lib/charter/rules";
import type { MethodParams, VotingMethod } from "@/lib/decisions/methods/types";
import { checkReachable, eligibilityHash, freezeEligibility } from "@/lib/decisions/rules";
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
  /** Further writes of the same transaction, once the decision exists (linking the proposal it came from). */
  also?: (tx: Tx, decisionId: string) => Promise<void>;
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
    await args.also?.(tx, decision.id);
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
  /** Who casts it: the member whose standing the policy decided on. */
  actorId: string;
  /** Whom it counts for: their entry on the frozen list (the actor's own, or the person mapped to them). */
  voterId: string;
  // The visibility and role the policy authorized this ballot on: written only while both still hold.
  standing: { visibility: "public" | "private"; role: string };
  binding: boolean;
  choice: unknown;
  reason: string | null;
  now: Date;
}): Promise<Result<{ receipt: string; castAt: Date; changed: boolean; role: string }> | { ok: false; refusal: BallotRefusal }> {
  const { decisionId, actorId, voterId, now } = args;
  const castBy = actorId === voterId ? null : actorId;
  const event = prepareEvent({
    spaceId: args.spaceId,
    actorId,
    type: "ballot.cast",
    subject: { decisionId, ...(args.releaseId ? { releaseId: args.releaseId } : {}) },
    // The method has checked the choice; the catalog checks its shape again (a string or a list of option ids).
    data: { choice: args.choice as string | string[], ...(args.reason ? { reason: args.reason } : {}), binding: args.binding, ...(castBy ? { for: voterId } : {}) },
    at: now,
  });
  // One statement, so one round trip and atomic without a transaction: the ballot and its record event
  // are written only while the decision is open and the space's visibility and the voter's role are what
  // the policy decided on; FOR SHARE makes a concurrent close wait for it, so a ballot is either counted
  // or refused, never half-applied.
  const rows = await queryRows<{ role: string | null; changed: boolean | null }>(Prisma.sql`
    WITH open_decision AS (
      SELECT d.id, m.role::text AS role
      FROM decisions d
      JOIN spaces s ON s.id = d.space_id AND s.visibility::text = ${args.standing.visibility}
      JOIN memberships m ON m.space_id = d.space_id AND m.user_id = ${actorId} AND m.role::text = ${args.standing.role}
      WHERE d.id = ${decisionId} AND d.status = 'open' AND d.closes_at > ${now}
      FOR SHARE OF d
    ), ${eventInsertCtes(event, Prisma.sql`FROM open_decision`)}, cast_ballot AS (
      INSERT INTO ballots (id, decision_id, voter_id, cast_by_id, choice, reason, binding, cast_at, receipt)
      SELECT ${randomUUID()}, id, ${voterId}, ${castBy}, ${JSON.stringify(args.choice)}::jsonb, ${args.reason}, ${args.binding}, ${now}, ${event.hash}
      FROM open_decision
      ON CONFLICT (decision_id, voter_id) DO UPDATE
        SET cast_by_id = EXCLUDED.cast_by_id, choice = EXCLUDED.choice, reason = EXCLUDED.reason, binding = EXCLUDED.binding,
            cast_at = EXCLUDED.cast_at, receipt = EXCLUDED.receipt
      RETURNING (xmax <> 0) AS changed
    )
    SELECT (SELECT role FROM open_decision) AS role, (SELECT changed FROM cast_ballot) AS changed`);
  const row = rows[0];
  if (!row?.role) return { ok: false, refusal: "NOT_OPEN" };
  return ok({ receipt: event.hash, castAt: now, changed: row.changed === true, role: row.role });
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
