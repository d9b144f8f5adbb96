// A report's findings as the export document (docs/findings-format.md).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import type { FindingsDocument } from "@/lib/audits/schema";
import { findingsExport } from "@/lib/audits/use-cases/report-output";
import { viewAuditReport } from "@/lib/audits/use-cases/view-audit-report";
import { ok, type Result } from "@/lib/result";

export async function exportAuditFindings(actor: Actor | null, reportId: string): Promise<Result<FindingsDocument>> {
  const viewed = await viewAuditReport(actor, reportId);
  return viewed.ok ? ok(findingsExport(viewed.data.report)) : viewed;
}
