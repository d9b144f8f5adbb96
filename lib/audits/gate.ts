// The release gate: whether audit findings and report coverage allow a release to go to a vote.
import { isResolved, type FindingStatus, type ReportStatus } from "@/lib/audits/rules";
import {
  auditCategoryLabels,
  isAtLeastSeverity,
  severities,
  type AuditCategory,
  type Severity,
} from "@/lib/charter/schema";

export type GateFinding = { id: string; title: string; severity: Severity; status: FindingStatus };
export type GateReport = {
  id: string;
  category: AuditCategory;
  status: ReportStatus;
  stale: boolean;
  findings: readonly GateFinding[];
};

export type GateReason =
  | { code: "BLOCKING_FINDING"; message: string; findingId: string }
  | { code: "MISSING_CATEGORY"; message: string; category: AuditCategory };

export type GateResult = { blocked: boolean; reasons: GateReason[]; unblockHints: string[] };

export type CoverageStatus = "accepted" | "pending" | "stale" | "missing";
export type CategoryCoverage = {
  category: AuditCategory;
  status: CoverageStatus;
  reports: number;
  accepted: number;
  pending: number;
  stale: number;
};
export type Coverage = {
  categories: CategoryCoverage[];
  counts: Record<CoverageStatus, number>;
  /** Unresolved findings (open, acknowledged or mitigated but not verified) by severity, across all reports. */
  openFindings: Record<Severity, number>;
};

// A stale report only describes files that changed, so any fresh report says more about the release.
const coverageRank: Record<CoverageStatus, number> = { accepted: 0, pending: 1, stale: 2, missing: 3 };

function reportCoverage(report: GateReport): Exclude<CoverageStatus, "missing"> {
  if (report.stale) return "stale";
  return report.status === "accepted" ? "accepted" : "pending";
}

export function coverage({
  categories,
  reports,
}: {
  categories: readonly AuditCategory[];
  reports: readonly GateReport[];
}): Coverage {
  const counts: Record<CoverageStatus, number> = { accepted: 0, pending: 0, stale: 0, missing: 0 };
  const perCategory = categories.map((category): CategoryCoverage => {
    const states = reports.filter((r) => r.category === category).map(reportCoverage);
    const status = states.reduce<CoverageStatus>((best, s) => (coverageRank[s] < coverageRank[best] ? s : best), "missing");
    counts[status] += 1;
    const count = (s: CoverageStatus) => states.filter((x) => x === s).length;
    return {
      category,
      status,
      reports: states.length,
      accepted: count("accepted"),
      pending: count("pending"),
      stale: count("stale"),
    };
  });
  const openFindings: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const finding of reports.flatMap((r) => r.findings)) {
    if (!isResolved(finding.status)) openFindings[finding.severity] += 1;
  }
  return { categories: perCategory, counts, openFindings };
}

function findingReason(finding: GateFinding): { message: string; hint: string } {
  const name = `'${finding.title}'`;
  const prefix = `Finding ${name} (${finding.severity})`;
  switch (finding.status) {
    case "mitigated":
      return {
        message: `${prefix} is mitigated but not yet verified.`,
        hint: `A steward or auditor verifies the mitigation of ${name}`,
      };
    case "acknowledged":
      return {
        message: `${prefix} is acknowledged but not yet mitigated.`,
        hint: `Mitigate ${name} and have a steward or auditor verify it, or a steward accepts the risk with a reason`,
      };
    default:
      return {
        message: `${prefix} is open.`,
        hint: `Mitigate ${name} and have a steward or auditor verify it, or a steward accepts the risk with a reason`,
      };
  }
}

function categoryReason(category: AuditCategory, reports: readonly GateReport[]): { message: string; hint: string } {
  const label = auditCategoryLabels[category];
  const fresh = reports.filter((r) => !r.stale);
  if (fresh.some((r) => r.status === "pending")) {
    return {
      message: `The ${label} audit report has not been reviewed yet.`,
      hint: `A steward or auditor reviews and accepts the ${label} audit report`,
    };
  }
  if (fresh.some((r) => r.status === "changes_requested")) {
    return {
      message: `Changes were requested on the ${label} audit report.`,
      hint: `The auditor revises the ${label} audit report and a reviewer accepts it`,
    };
  }
  if (fresh.some((r) => r.status === "disputed")) {
    return {
      message: `The ${label} audit report is disputed.`,
      hint: `Settle the dispute on the ${label} audit report, or file and accept a new one`,
    };
  }
  if (reports.length > 0) {
    return {
      message: `The ${label} audit report examined files that are no longer in this release.`,
      hint: `File and accept a ${label} audit report for the current release files`,
    };
  }
  return { message: `No ${label} audit report has been filed.`, hint: `File and accept a ${label} audit report` };
}

/**
 * Blocks when an unresolved finding at or above `blockingSeverity` exists in any report (stale or
 * not, reviewed or not: a known problem stays a problem), or when a required category lacks an
 * accepted, non-stale report.
 */
export function releaseGate({
  blockingSeverity,
  requiredCategories,
  reports,
}: {
  blockingSeverity: Severity;
  requiredCategories: readonly AuditCategory[];
  reports: readonly GateReport[];
}): GateResult {
  const reasons: GateReason[] = [];
  const hints: string[] = [];
  const blocking = reports
    .flatMap((r) => r.findings)
    .filter((f) => isAtLeastSeverity(f.severity, blockingSeverity) && !isResolved(f.status))
    .sort((a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity));
  const seen = new Set<string>();
  for (const finding of blocking) {
    if (seen.has(finding.id)) continue;
    seen.add(finding.id);
    const { message, hint } = findingReason(finding);
    reasons.push({ code: "BLOCKING_FINDING", message, findingId: finding.id });
    hints.push(hint);
  }
  for (const category of new Set(requiredCategories)) {
    const inCategory = reports.filter((r) => r.category === category);
    if (inCategory.some((r) => r.status === "accepted" && !r.stale)) continue;
    const { message, hint } = categoryReason(category, inCategory);
    reasons.push({ code: "MISSING_CATEGORY", message, category });
    hints.push(hint);
  }
  return { blocked: reasons.length > 0, reasons, unblockHints: [...new Set(hints)] };
}
