import { apiRoute } from "@/lib/api/handler";
import { viewAuditReport } from "@/lib/audits/use-cases/view-audit-report";
import { ok } from "@/lib/result";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const viewed = await viewAuditReport(actor, params.id);
  return viewed.ok ? ok(viewed.data.report) : viewed;
});
