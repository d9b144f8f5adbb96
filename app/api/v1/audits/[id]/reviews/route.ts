import { apiRoute, readBody } from "@/lib/api/handler";
import { reviewAuditReport } from "@/lib/audits/use-cases/review-audit-report";
import { viewAuditReport } from "@/lib/audits/use-cases/view-audit-report";
import { apiReviewBody } from "@/lib/audits/endpoints";
import { parseAuditInput } from "@/lib/audits/schema";
import { ok } from "@/lib/result";

const reviewAuditReportEndpoint = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, apiReviewBody, parseAuditInput);
    if (!body.ok) return body;
    const reviewed = await reviewAuditReport(actor, { ...body.data, reportId: params.id });
    if (!reviewed.ok) return reviewed;
    const viewed = await viewAuditReport(actor, params.id);
    return viewed.ok ? ok(viewed.data.report) : viewed;
  },
  { status: 201 },
);

export { reviewAuditReportEndpoint as POST };
