import { apiRoute, readBody } from "@/lib/api/handler";
import { fileAuditReport } from "@/lib/audits/use-cases/file-audit-report";
import { releaseAudits } from "@/lib/audits/use-cases/release-audits";
import { viewAuditReport } from "@/lib/audits/use-cases/view-audit-report";
import { apiFileReportBody } from "@/lib/audits/endpoints";
import { parseAuditInput } from "@/lib/audits/schema";
import { ok } from "@/lib/result";

const releaseAuditsEndpoint = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const found = await releaseAudits(actor, params.id);
  if (!found.ok) return found;
  const { gate, coverage, reports, requiredCategories } = found.data;
  return ok({
    gate,
    coverage: {
      categories: coverage.categories.map((c) => ({ category: c.category, required: requiredCategories.includes(c.category), status: c.status, reports: c.reports })),
      openFindings: coverage.openFindings,
    },
    reports: reports.map((r) => ({ id: r.id, category: r.category, status: r.status, stale: r.stale })),
  });
});

const fileAuditReportEndpoint = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    // parseAuditInput: oversize text answers TEXT_TOO_LONG, as in the use case (which parses again).
    const body = await readBody(req, apiFileReportBody, parseAuditInput);
    if (!body.ok) return body;
    const filed = await fileAuditReport(actor, { ...body.data, releaseId: params.id });
    if (!filed.ok) return filed;
    const viewed = await viewAuditReport(actor, filed.data.reportId);
    return viewed.ok ? ok(viewed.data.report) : viewed;
  },
  { status: 201 },
);

export { releaseAuditsEndpoint as GET, fileAuditReportEndpoint as POST };
