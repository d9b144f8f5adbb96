import { apiRoute } from "@/lib/api/handler";
import { closeDecisionEarly, decisionDetail } from "@/lib/decisions/use-cases";
import { ok } from "@/lib/result";

export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const closed = await closeDecisionEarly(actor, { decisionId: params.id });
  return closed.ok ? ok(await decisionDetail(actor, params.id)) : closed;
});
