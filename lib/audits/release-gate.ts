// The audit gate of a release as the releases and decisions modules ask for it: reads, then the pure releaseGate.
import "server-only";
import { coverage, releaseGate, type Coverage, type GateReport, type GateResult } from "@/lib/audits/gate";
import { getAuditRelease, listReleaseReports, toGateReport } from "@/lib/audits/data";
import { currentCharter } from "@/lib/charter/data";
import { auditCategories, type AuditCategory, type Severity } from "@/lib/charter/schema";

export type AuditGate = {
  blocked: boolean;
  reasons: Array<{ code: string; message: string; findingId?: string; category?: string }>;
  unblockHints: string[];
};

export type ReleaseAuditState = {
  gate: GateResult;
  coverage: Coverage;
  reports: GateReport[];
  blockingSeverity: Severity;
  requiredCategories: AuditCategory[];
  releaseDigests: string[];
  /** The report rows (authors, verdicts, numbered findings) the state was computed from, newest first. */
  rows: Awaited<ReturnType<typeof listReleaseReports>>;
};

/** Gate, coverage and per-report state of a release; null when there is no such release. */
export async function releaseAuditState(releaseId: string): Promise<ReleaseAuditState | null> {
  const release = await getAuditRelease(releaseId);
  if (!release) return null;
  const [rows, { charter }] = await Promise.all([listReleaseReports(releaseId), currentCharter(release.spaceId)]);
  const reports = rows.map((row) => toGateReport(row, release.digests));
  const { blockingSeverity, requiredCategories } = charter.audits;
  const gate = releaseGate({ blockingSeverity, requiredCategories, reports });
  // Required categories first, then every other category, so the table reads in order of importance.
  const categories = [...requiredCategories, ...auditCategories.filter((c) => !requiredCategories.includes(c))];
  return {
    gate,
    coverage: coverage({ categories, reports }),
    reports,
    blockingSeverity,
    requiredCategories: [...requiredCategories],
    releaseDigests: release.digests,
    rows,
  };
}

/**
 * Whether audits block this release from going to (or passing) a vote, why, and what would unblock it.
 * Staleness is computed against the release's current artifact digests; the rules come from the charter in force.
 */
export async function auditGateForRelease(releaseId: string): Promise<AuditGate> {
  const state = await releaseAuditState(releaseId);
  if (!state) {
    return {
      blocked: true,
      reasons: [{ code: "RELEASE_NOT_FOUND", message: "There is no such release." }],
      unblockHints: [],
    };
  }
  return { blocked: state.gate.blocked, reasons: state.gate.reasons, unblockHints: state.gate.unblockHints };
}
