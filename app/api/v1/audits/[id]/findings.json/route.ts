import { apiRoute } from "@/lib/api/handler";
import { exportAuditFindings } from "@/lib/audits/use-cases";

export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => exportAuditFindings(actor, params.id));
