import { z } from "zod";
import { apiRoute, readBody } from "@/lib/api/handler";
import { reviewAuditReport, viewAuditReport } from "@/lib/audits/use-cases";
import { ok } from "@/lib/result";

export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, z.record(z.string(), z.unknown()));
    if (!body.ok) return body;
    const reviewed = await reviewAuditReport(actor, { ...body.data, reportId: params.id });
    if (!reviewed.ok) return reviewed;
    const viewed = await viewAuditReport(actor, params.id);
    return viewed.ok ? ok(viewed.data.report) : viewed;
  },
  { status: 201 },
);
