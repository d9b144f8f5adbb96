// One audit report as a space's page reads it.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { noReport } from "@/lib/audits/use-cases/audit-access";
import { viewAuditReport } from "@/lib/audits/use-cases/view-audit-report";

/** A report as a space's page reads it: a report of another space is not in this one. */
export async function viewSpaceAuditReport(actor: Actor | null, spaceSlug: string, reportId: string) {
  const viewed = await viewAuditReport(actor, reportId);
  if (viewed.ok && viewed.data.access.space.slug !== spaceSlug) return noReport();
  return viewed;
}
