// One audit report, for its readers.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { noReport, reportInSpace } from "@/lib/audits/use-cases/audit-access";
import { toReportOutput } from "@/lib/audits/use-cases/report-output";
import { ok } from "@/lib/result";

/** A report as the API and the page read it; REPORT_NOT_FOUND when missing (or invisible: private space). */
export async function viewAuditReport(actor: Actor | null, reportId: string) {
  const found = await reportInSpace(actor, reportId, "audit.view");
  if (!found) return noReport();
  return ok({ report: toReportOutput(found.report), detail: found.report, access: found.access });
}
