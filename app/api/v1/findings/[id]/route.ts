import { apiRoute, readBody } from "@/lib/api/handler";
import { moveFinding } from "@/lib/audits/use-cases/move-finding";
import { viewAuditReport } from "@/lib/audits/use-cases/view-audit-report";
import { apiFindingBody } from "@/lib/audits/endpoints";
import { parseAuditInput } from "@/lib/audits/schema";
import { ok } from "@/lib/result";

const moveFindingEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, apiFindingBody, parseAuditInput);
  if (!body.ok) return body;
  const moved = await moveFinding(actor, { ...body.data, findingId: params.id });
  if (!moved.ok) return moved;
  const viewed = await viewAuditReport(actor, moved.data.reportId);
  return viewed.ok ? ok(viewed.data.report) : viewed;
});

export { moveFindingEndpoint as PATCH };
