// Audit rules: the finding lifecycle, report reviews and staleness of reports against a release.
// Who may make which move is the policy's (lib/policy.ts); these rules ask it.
import { findingStatusLabels, type FindingStatus } from "@/lib/audits/finding-status";
import { findingMoveRefusal } from "@/lib/policy-conditions";
import type { SpaceRole } from "@/lib/policy-resource";

export { findingStatuses, findingStatusLabels, type FindingStatus } from "@/lib/audits/finding-status";

const resolved: readonly FindingStatus[] = ["verified", "accepted_risk", "wont_fix"];
export function isResolved(status: FindingStatus): boolean {
  return resolved.includes(status);
}

export const findingTransitions: Record<FindingStatus, readonly FindingStatus[]> = {
  open: ["acknowledged", "mitigated", "accepted_risk", "wont_fix"],
  acknowledged: ["mitigated", "accepted_risk", "wont_fix"],
  mitigated: ["verified", "acknowledged", "accepted_risk"],
  verified: [],
  accepted_risk: ["open"],
  wont_fix: ["open"],
};

export type FindingTransitionCode =
  | "INVALID_TRANSITION"
  | "FORBIDDEN_ROLE"
  | "STEWARD_ONLY"
  | "EVIDENCE_REQUIRED"
  | "REASON_REQUIRED";
export type Check<C extends string> = { ok: true } | { ok: false; code: C; message: string };

const filled = (text: string | null | undefined) => typeof text === "string" && text.trim().length > 0;

/**
 * Whether a finding may move from `from` to `to`, by this actor: the move must exist in the lifecycle, the
 * policy must let the actor's role make it (findingMoveRefusal), closing without a fix needs a reason, and
 * mitigating needs a description or evidence. The mutation runs it on the locked row, so a move decided on a
 * status that changed meanwhile is checked again.
 */
export function checkFindingTransition({
  from,
  to,
  actorRole,
  isReportAuthor,
  note,
  evidence,
}: {
  from: FindingStatus;
  to: FindingStatus;
  actorRole: SpaceRole;
  isReportAuthor: boolean;
  note?: string | null;
  evidence?: string | null;
}): Check<FindingTransitionCode> {
  const allowed = findingTransitions[from];
  if (!allowed.includes(to)) {
    const next = allowed.length > 0 ? allowed.map((s) => findingStatusLabels[s]).join(", ") : "none (it is final)";
    return {
      ok: false,
      code: "INVALID_TRANSITION",
      message: `A finding that is ${findingStatusLabels[from]} cannot become ${findingStatusLabels[to]}. Allowed next states: ${next}.`,
    };
  }
  const refused = findingMoveRefusal({ actorRole, isReportAuthor, from, to });
  if (refused) return { ok: false, code: refused.code, message: refused.message };
  if ((to === "accepted_risk" || to === "wont_fix") && !filled(note)) {
    return { ok: false, code: "REASON_REQUIRED", message: `Give a reason for marking this finding as ${findingStatusLabels[to]}.` };
  }
  if (to === "mitigated" && !filled(note) && !filled(evidence)) {
    return {
      ok: false,
      code: "EVIDENCE_REQUIRED",
      message: "Describe the mitigation or link to evidence (a commit, pull request or evaluation run).",
    };
  }
  return { ok: true };
}

export const reviewVerdicts = ["accept", "request_changes", "dispute"] as const;
export type ReviewVerdict = (typeof reviewVerdicts)[number];
export const reportStatuses = ["pending", "accepted", "changes_requested", "disputed"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export type Review = { reviewerId: string; verdict: ReviewVerdict; createdAt: Date };

/**
 * Only each reviewer's latest review counts. Any standing dispute wins; otherwise the most recent
 * standing review decides between accepted and changes requested.
 */
export function reportStatus(reviews: readonly Review[]): ReportStatus {
  const latestByReviewer = new Map<string, Review>();
  for (const review of reviews) {
    const prior = latestByReviewer.get(review.reviewerId);
    if (!prior || review.createdAt.getTime() >= prior.createdAt.getTime()) latestByReviewer.set(review.reviewerId, review);
  }
  const current = [...latestByReviewer.values()];
  if (current.length === 0) return "pending";
  if (current.some((r) => r.verdict === "dispute")) return "disputed";
  const latest = current.reduce((a, b) => (b.createdAt.getTime() >= a.createdAt.getTime() ? b : a));
  return latest.verdict === "accept" ? "accepted" : "changes_requested";
}

/** A report is stale once any artifact digest it examined is no longer part of the release. */
export function isStale({
  reportDigests,
  releaseDigests,
}: {
  reportDigests: readonly string[];
  releaseDigests: readonly string[];
}): boolean {
  const current = new Set(releaseDigests);
  return reportDigests.some((d) => !current.has(d));
}
