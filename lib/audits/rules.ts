// Audit rules: the finding lifecycle, report reviews and staleness of reports against a release.
import { withArticle } from "@/lib/policy";
import type { Role } from "@/lib/charter/schema";

export const findingStatuses = ["open", "acknowledged", "mitigated", "verified", "accepted_risk", "wont_fix"] as const;
export type FindingStatus = (typeof findingStatuses)[number];

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

export const findingStatusLabels: Record<FindingStatus, string> = {
  open: "open",
  acknowledged: "acknowledged",
  mitigated: "mitigated",
  verified: "verified",
  accepted_risk: "accepted risk",
  wont_fix: "won't fix",
};

export type FindingTransitionCode =
  | "INVALID_TRANSITION"
  | "FORBIDDEN_ROLE"
  | "STEWARD_ONLY"
  | "EVIDENCE_REQUIRED"
  | "REASON_REQUIRED";
export type Check<C extends string> = { ok: true } | { ok: false; code: C; message: string };

const reviewerRoles: readonly Role[] = ["owner", "steward", "auditor"];
const stewardRoles: readonly Role[] = ["owner", "steward"];
const filled = (text: string | null | undefined) => typeof text === "string" && text.trim().length > 0;

/**
 * Who may move a finding where:
 * - verifying, or rejecting a mitigation (mitigated -> acknowledged), takes an owner, steward or auditor;
 * - closing a finding without a fix (accepted_risk, wont_fix) takes an owner or steward and a reason,
 *   since a resolved finding no longer blocks the release;
 * - reopening takes an owner, steward, auditor or the report's author;
 * - acknowledging and mitigating are open to any member, but mitigating needs evidence.
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
  actorRole: Role;
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
  if (to === "verified" || (from === "mitigated" && to === "acknowledged")) {
    if (!reviewerRoles.includes(actorRole)) {
      const act = to === "verified" ? "verify" : "reject";
      return {
        ok: false,
        code: "FORBIDDEN_ROLE",
        message: `Only an owner, steward or auditor can ${act} a mitigation; you are ${withArticle(actorRole)}.`,
      };
    }
  }
  if (to === "accepted_risk" || to === "wont_fix") {
    const label = findingStatusLabels[to];
    if (!stewardRoles.includes(actorRole)) {
      return {
        ok: false,
        code: "STEWARD_ONLY",
        message: `Only an owner or steward can mark a finding as ${label}; you are ${withArticle(actorRole)}.`,
      };
    }
    if (!filled(note)) {
      return { ok: false, code: "REASON_REQUIRED", message: `Give a reason for marking this finding as ${label}.` };
    }
  }
  if (to === "open" && !isReportAuthor && !reviewerRoles.includes(actorRole)) {
    return {
      ok: false,
      code: "FORBIDDEN_ROLE",
      message: "Only an owner, steward, auditor or the report's author can reopen a finding.",
    };
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

export function checkReview({
  reviewerId,
  authorId,
  reviewerRole,
}: {
  reviewerId: string;
  authorId: string;
  reviewerRole: Role;
}): Check<"OWN_REPORT" | "FORBIDDEN_ROLE"> {
  if (reviewerId === authorId) {
    return { ok: false, code: "OWN_REPORT", message: "You cannot review your own audit report; ask another auditor or steward." };
  }
  if (!reviewerRoles.includes(reviewerRole)) {
    return {
      ok: false,
      code: "FORBIDDEN_ROLE",
      message: `Only an owner, steward or auditor can review audit reports; you are ${withArticle(reviewerRole)}.`,
    };
  }
  return { ok: true };
}

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
