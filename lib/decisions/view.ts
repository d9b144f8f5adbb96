// The shape a decision is shown in (page and JSON API alike): tally on read, projection while open,
// and whether it may be closed early now.
import { outcomeIsFinal } from "@/lib/decisions/methods/finality";
import { methodLabels, type Ballot, type DecisionOption, type MethodParams, type Outcome, type Voter, type VotingMethod } from "@/lib/decisions/methods/types";
import { tally } from "@/lib/decisions/methods/tally";
import { finalityWithConcerns, withConcerns, type ConcernBlock } from "@/lib/concerns/rules";
import { choiceShapes, progressOf, projectionSentence, type Progress, type StoredOutcome } from "@/lib/decisions/rules";

export type DecisionRecord = {
  id: string;
  spaceSlug: string;
  title: string;
  question: string;
  kind: string;
  method: string;
  params: unknown;
  subject: unknown;
  releaseId: string | null;
  charterVersion: number;
  eligibility: unknown;
  eligibilityHash: string;
  opensAt: Date;
  closesAt: Date;
  status: "open" | "closed" | "cancelled";
  outcome: unknown;
  closedAt: Date | null;
  cancelReason: string | null;
  createdById: string;
};

export type BallotRecord = { voterId: string; choice: unknown; reason: string | null; binding: boolean; castAt: Date; receipt: string };

export type DecisionView = {
  id: string;
  spaceSlug: string;
  title: string;
  question: string;
  kind: string;
  method: VotingMethod;
  methodLabel: string;
  choiceShape: string;
  params: MethodParams;
  options: DecisionOption[];
  subject: Record<string, unknown>;
  release: { id: string; label: string; status: string } | null;
  charterVersion: number;
  status: "open" | "closed" | "cancelled";
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  cancelReason: string | null;
  createdBy: { id: string; name: string };
  eligibility: { count: number; binding: number; advisory: number; hash: string; voters: Array<{ userId: string; name: string; binding: boolean }> };
  ballots: Array<{ voterId: string; name: string; choice: unknown; reason: string | null; binding: boolean; castAt: string; receipt: string }>;
  tally: Outcome;
  projection: string | null;
  /**
   * Whether a steward may close it now: open, allowed by the charter version it opened under, and the
   * outcome can no longer change. `verdict` ("passes because …") is what closing now decides.
   */
  earlyClose: EarlyClose;
  progress: Progress[];
  outcome: StoredOutcome | null;
  you: { eligible: boolean; binding: boolean; choice: unknown; reason: string | null; receipt: string | null } | null;
};

export type EarlyClose = { allowed: boolean; reason: string; verdict: string | null };

const projectionPrefix = "If it closed now: ";

function earlyCloseOf({
  decision,
  charterAllowsEarlyClose,
  finality,
}: {
  decision: DecisionRecord;
  charterAllowsEarlyClose: boolean;
  finality: () => ReturnType<typeof outcomeIsFinal>;
}): EarlyClose {
  if (decision.status !== "open") return { allowed: false, reason: `This decision is ${decision.status}.`, verdict: null };
  if (!charterAllowsEarlyClose) {
    return { allowed: false, reason: `The charter (version ${decision.charterVersion}, under which this decision opened) does not allow closing ${decision.kind} decisions early.`, verdict: null };
  }
  const checked = finality();
  if (!checked.final) return { allowed: false, reason: checked.reason, verdict: null };
  const verdict = projectionSentence(checked.outcome).slice(projectionPrefix.length);
  return { allowed: true, reason: `The outcome can no longer change: it ${verdict}`, verdict };
}

export function buildDecisionView({
  decision,
  ballots,
  names,
  release,
  viewerId,
  charterAllowsEarlyClose,
  concerns,
}: {
  decision: DecisionRecord;
  ballots: readonly BallotRecord[];
  names: Record<string, string>;
  release: { label: string; status: string } | null;
  viewerId: string | null;
  /** The earlyClose flag for this kind in the charter version the decision opened under. */
  charterAllowsEarlyClose: boolean;
  /** While open: the charter's concernsBlock for this kind and the concerns open now. */
  concerns?: ConcernBlock;
}): DecisionView {
  const method = decision.method as VotingMethod;
  const params = (decision.params ?? {}) as MethodParams;
  const voters = (decision.eligibility ?? []) as Voter[];
  const nameOf = (id: string) => names[id] ?? "someone";
  const counted: Ballot[] = ballots.map((b) => ({ userId: b.voterId, choice: b.choice, reason: b.reason, castAt: b.castAt }));
  const stored = decision.status === "closed" ? (decision.outcome as StoredOutcome | null) : null;
  const current = stored ?? withConcerns(tally({ method, params, voters, ballots: counted }), concerns);
  const { charter: _charter, ...subject } = (decision.subject ?? {}) as Record<string, unknown>;
  const mine = viewerId ? ballots.find((b) => b.voterId === viewerId) : undefined;
  const eligible = viewerId ? voters.find((v) => v.userId === viewerId) : undefined;
  return {
    id: decision.id,
    spaceSlug: decision.spaceSlug,
    title: decision.title,
    question: decision.question,
    kind: decision.kind,
    method,
    methodLabel: methodLabels[method] ?? method,
    choiceShape: choiceShapes[method] ?? "",
    params,
    options: params.options ?? [],
    subject: decision.kind === "charter" ? { ...subject, proposedCharter: true } : subject,
    release: decision.releaseId && release ? { id: decision.releaseId, ...release } : null,
    charterVersion: decision.charterVersion,
    status: decision.status,
    opensAt: decision.opensAt.toISOString(),
    closesAt: decision.closesAt.toISOString(),
    closedAt: decision.closedAt?.toISOString() ?? null,
    cancelReason: decision.cancelReason,
    createdBy: { id: decision.createdById, name: nameOf(decision.createdById) },
    eligibility: {
      count: voters.length,
      binding: voters.filter((v) => v.binding).length,
      advisory: voters.filter((v) => !v.binding).length,
      hash: decision.eligibilityHash,
      voters: voters.map((v) => ({ userId: v.userId, name: nameOf(v.userId), binding: v.binding })),
    },
    ballots: ballots.map((b) => ({ voterId: b.voterId, name: nameOf(b.voterId), choice: b.choice, reason: b.reason, binding: b.binding, castAt: b.castAt.toISOString(), receipt: b.receipt })),
    tally: current,
    projection: decision.status === "open" ? projectionSentence(current) : null,
    earlyClose: earlyCloseOf({ decision, charterAllowsEarlyClose, finality: () => finalityWithConcerns(outcomeIsFinal({ method, params, voters, ballots: counted }), concerns) }),
    progress: progressOf({ method, params, outcome: current }),
    outcome: stored,
    you: viewerId
      ? { eligible: Boolean(eligible), binding: eligible?.binding ?? false, choice: mine?.choice ?? null, reason: mine?.reason ?? null, receipt: mine?.receipt ?? null }
      : null,
  };
}
