import { apiRoute } from "@/lib/api/handler";
import { exportAuditFindings } from "@/lib/audits/use-cases/export-audit-findings";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => exportAuditFindings(actor, params.id));
