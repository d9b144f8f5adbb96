// Settling a decision: claimed exactly once, tallied under the lock, its effects applied and its outcome frozen,
// with its record events in the same transaction.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appendEvent } from "@/lib/record/append";
import { applyLicenseOutcome, applyReleaseOutcome } from "@/lib/releases/effects";
import { diffCharter, parseCharter, type DecisionKind } from "@/lib/charter/rules";
import type { DecisionSubject } from "@/lib/decisions/mutations";
import { outcomeIsFinal } from "@/lib/decisions/methods/finality";
import type { Ballot, MethodParams, Voter, VotingMethod } from "@/lib/decisions/methods/types";
import { closingOutcome, type GateView, type StoredOutcome } from "@/lib/decisions/rules";
import { mofComponentIds } from "@/lib/releases/openness";

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
