// Decision use cases, shared by server actions and the API: authorize, check the charter's rules, write.
// Any read or action that finds a decision past its closing time closes it first (no scheduler needed).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { auditGateForRelease } from "@/lib/audits/release-gate";
import { charterAtVersion } from "@/lib/charter/data";
import { decisionConcernBlock } from "@/lib/concerns/data";
import {
  countBallotsOf,
  getDecision,
  getVotingInfo,
  voterStanding,
  listBallots,
  listDueDecisionIds,
  listReleaseDecisions,
  listSpaceDecisions,
  listSpaceReleases,
  releaseLabels,
  type DecisionRow,
} from "@/lib/decisions/data";
// Writes that share a use case's name (cancelDecision) are reached as mutations.*.
import * as mutations from "@/lib/decisions/mutations";
import { recordBallot, settleDecision } from "@/lib/decisions/mutations";
import { requiresReason, validateChoice } from "@/lib/decisions/methods/validate";
import { isDue, type GateView } from "@/lib/decisions/rules";
import { buildDecisionView, type DecisionView } from "@/lib/decisions/view";
import { findReceipt } from "@/lib/record/data";
import { authorize } from "@/lib/policy";
import { DomainError, fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { userNames } from "@/lib/users/data";

async function releaseGate(releaseId: string): Promise<GateView> {
  const gate = await auditGateForRelease(releaseId);
  return { blocked: gate.blocked, reasons: gate.reasons.map(({ code, message }) => ({ code, message })) };
}

/**
 * Closes a decision at its deadline if it is due; safe to call from any number of requests at once.
 * Returns true when it was due (so the caller re-reads it), false when nothing changed.
 */
export async function settleIfDue(decision: { id: string; status: string; closesAt: Date; kind: string; releaseId: string | null }, now = new Date()): Promise<boolean> {
  if (decision.status !== "open" || !isDue({ closesAt: decision.closesAt, now })) return false;
  const gate = decision.kind === "release" && decision.releaseId ? await releaseGate(decision.releaseId) : undefined;
  // Whoever loses the race finds no open row to claim; either way the decision is closed when this returns.
  await settleDecision({ decisionId: decision.id, now, actorId: null, closedBy: "deadline", gate });
  return true;
}

async function viewOf(row: DecisionRow, viewerId: string | null): Promise<DecisionView> {
  const ballots = await listBallots(row.id);
  const voters = (row.eligibility ?? []) as Array<{ userId: string }>;
  const [names, releases, charter] = await Promise.all([
    userNames([row.createdById, ...voters.map((v) => v.userId), ...ballots.map((b) => b.voterId)]),
    row.releaseId ? releaseLabels([row.releaseId]) : Promise.resolve({} as Record<string, { label: string; status: string }>),
    row.status === "open" ? charterAtVersion(row.spaceId, row.charterVersion) : null,
  ]);
  return buildDecisionView({
    decision: { ...row, spaceSlug: row.space.slug },
    ballots,
    names,
    release: row.releaseId ? (releases[row.releaseId] ?? null) : null,
    viewerId,
    charterAllowsEarlyClose: charter?.decisions[row.kind as keyof typeof charter.decisions]?.earlyClose ?? false,
    concerns: row.status === "open" ? await decisionConcernBlock({ id: row.id, spaceId: row.spaceId, kind: row.kind, charterVersion: row.charterVersion, releaseId: row.releaseId }) : undefined,
  });
}

const noSuchDecision = () => new DomainError("NOT_FOUND", "No such decision.", "not_found");

/** A decision in a space the actor cannot see answers exactly like one that does not exist. */
async function asMissingDecision<T>(check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw noSuchDecision();
    throw error;
  }
}

async function loadDecision(actor: Actor | null, decisionId: string, action: "decision.view" | "decision.close" | "decision.cancel", now: Date) {
  let row = await getDecision(decisionId);
  if (!row) throw noSuchDecision();
  const slug = row.space.slug;
  const access = await asMissingDecision(() => requireSpace(actor, slug, action));
  if (await settleIfDue({ ...row, kind: row.kind }, now)) row = (await getDecision(decisionId))!;
  return { row, access };
}

export async function decisionDetail(actor: Actor | null, decisionId: string, now = new Date()): Promise<DecisionView> {
  const { row } = await loadDecision(actor, decisionId, "decision.view", now);
  return viewOf(row, actor?.id ?? null);
}

export type DecisionSummary = {
  id: string;
  title: string;
  kind: string;
  method: string;
  status: "open" | "closed" | "cancelled";
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  releaseId: string | null;
  outcome: { status: string; explanation: string; winner?: string } | null;
  ballots: number;
  eligible: number;
};

function summaryOf(row: DecisionRow, ballots: number): DecisionSummary {
  const outcome = row.outcome as { status: string; explanation: string; winner?: string } | null;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    method: row.method,
    status: row.status,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    releaseId: row.releaseId,
    outcome: outcome ? { status: outcome.status, explanation: outcome.explanation, ...(outcome.winner ? { winner: outcome.winner } : {}) } : null,
    ballots,
    eligible: Array.isArray(row.eligibility) ? row.eligibility.length : 0,
  };
}

/** Open decisions first (closing soonest first), then closed and cancelled ones, newest first. */
function ordered(rows: DecisionRow[]): DecisionRow[] {
  const open = rows.filter((r) => r.status === "open").sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
  const done = rows.filter((r) => r.status !== "open").sort((a, b) => (b.closedAt ?? b.createdAt).getTime() - (a.closedAt ?? a.createdAt).getTime());
  return [...open, ...done];
}

async function withBallotCounts(rows: DecisionRow[]): Promise<DecisionSummary[]> {
  const counts = await countBallotsOf(rows.map((r) => r.id));
  return ordered(rows).map((row) => summaryOf(row, counts[row.id] ?? 0));
}

export async function spaceDecisions(actor: Actor | null, spaceSlug: string, now = new Date()) {
  const access = await requireSpace(actor, spaceSlug, "decision.view");
  const due = await listDueDecisionIds(access.space.id, now);
  for (const id of due) {
    const row = await getDecision(id);
    if (row) await settleIfDue(row, now);
  }
  const rows = await listSpaceDecisions(access.space.id);
  return { access, decisions: await withBallotCounts(rows) };
}

export async function releaseDecisions(releaseId: string, now = new Date()): Promise<DecisionSummary[]> {
  let rows = await listReleaseDecisions(releaseId);
  let settled = false;
  for (const row of rows) settled = (await settleIfDue(row, now)) || settled;
  if (settled) rows = await listReleaseDecisions(releaseId);
  return withBallotCounts(rows);
}

export type BallotReceipt = { decisionId: string; receipt: string; castAt: string; binding: boolean; changed: boolean };

/**
 * The ballot path: the policy first, on the space's visibility and the voter's role read fresh (one indexed
 * read), then the frozen facts in memory (eligibility, method), then one write statement. The write checks
 * again that the voter is a member, as a guard against a removal racing the ballot.
 */
export async function castBallot(
  actor: Actor | null,
  input: { decisionId: string; choice: unknown; reason?: string },
  now = new Date(),
): Promise<Result<BallotReceipt>> {
  const info = await getVotingInfo(input.decisionId);
  if (!info) return fail("NOT_FOUND", "No such decision.", "not_found");
  await authorizeBallot(actor, info.spaceId);
  const binding = info.binding.get(actor!.id);
  if (binding === undefined) {
    return fail("NOT_ELIGIBLE", "You were not among the eligible voters when this decision opened, so you cannot vote on it.", "forbidden");
  }
  const choice = validateChoice(info.method, info.params, input.choice);
  if (!choice.ok) return fail(choice.code, choice.message, "invalid", { choice: [choice.message] });
  const reason = input.reason?.trim() || null;
  if (requiresReason(info.method, choice.value, binding) && !reason) {
    return fail("REASON_REQUIRED", "A binding -1 is a veto here, and a veto must say why: add a reason.", "rule", { reason: ["Say why you veto"] });
  }
  if (!isDue({ closesAt: info.closesAt, now })) {
    const cast = await recordBallot({ decisionId: info.id, spaceId: info.spaceId, releaseId: info.releaseId, voterId: actor!.id, binding, choice: choice.value, reason, now });
    if (cast.ok) return ok({ decisionId: info.id, receipt: cast.data.receipt, castAt: cast.data.castAt.toISOString(), binding, changed: cast.data.changed });
  }
  // Refused by the write (or past the deadline): closed, cancelled, or the voter left the space meanwhile.
  const row = await getDecision(info.id);
  if (row?.status === "open" && isDue({ closesAt: row.closesAt, now })) await settleIfDue(row, now);
  if (row?.status === "open" && !isDue({ closesAt: row.closesAt, now })) await authorizeBallot(actor, info.spaceId);
  const when = row?.status === "cancelled" ? "was cancelled" : `closed at ${(row?.closedAt ?? info.closesAt).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return fail("VOTING_CLOSED", `Voting on this decision ${when}; your ballot was not recorded.`, "conflict");
}

/** The policy's answer for a ballot in this space now; a private space the voter cannot see looks like a missing decision. */
async function authorizeBallot(actor: Actor | null, spaceId: string): Promise<void> {
  const standing = await voterStanding(spaceId, actor?.id ?? null);
  if (!standing) throw noSuchDecision();
  await asMissingDecision(() => authorize(actor, "ballot.cast", { space: standing }));
}

export async function closeDecision(actor: Actor | null, input: { decisionId: string }, now = new Date()): Promise<Result<{ status: string; explanation: string }>> {
  const { row, access } = await loadDecision(actor, input.decisionId, "decision.close", now);
  if (row.status !== "open") return fail("VOTING_CLOSED", "This decision is already closed.", "conflict");
  // The rules of the charter version the decision opened under, not of a later amendment.
  const charter = await charterAtVersion(access.space.id, row.charterVersion);
  const kind = row.kind as keyof typeof charter.decisions;
  if (!charter.decisions[kind]?.earlyClose) {
    return fail("EARLY_CLOSE_NOT_ALLOWED", `The charter (version ${row.charterVersion}, under which this decision opened) does not allow closing ${kind} decisions before ${row.closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`, "rule");
  }
  const gate = row.kind === "release" && row.releaseId ? await releaseGate(row.releaseId) : undefined;
  // settleDecision refuses (and writes nothing) unless the outcome can no longer change.
  const settled = await settleDecision({ decisionId: row.id, now, actorId: actor!.id, closedBy: "early", gate });
  if (!settled.settled && settled.notFinal) return fail("OUTCOME_NOT_FINAL", settled.notFinal, "rule");
  if (!settled.settled) return fail("VOTING_CLOSED", "This decision was closed at the same moment by someone else.", "conflict");
  return ok({ status: settled.outcome.status, explanation: settled.outcome.explanation });
}

export async function cancelDecision(actor: Actor | null, input: { decisionId: string; reason: string }, now = new Date()): Promise<Result<{ receipt: string }>> {
  const { row } = await loadDecision(actor, input.decisionId, "decision.cancel", now);
  if (row.status !== "open") return fail("VOTING_CLOSED", "This decision is no longer open, so it cannot be cancelled.", "conflict");
  return mutations.cancelDecision({ decisionId: row.id, actorId: actor!.id, reason: input.reason, now });
}


/** Releases a decision can be about, for the opening form. */
export async function releaseOptions(spaceId: string) {
  return listSpaceReleases(spaceId);
}

/** The position of a receipt in the space's log, once the sequencer has assigned one. */
export async function receiptPosition(hash: string) {
  const found = await findReceipt(hash);
  return found?.position ?? null;
}
