import { apiRoute, readBody } from "@/lib/api/handler";
import { noBody } from "@/lib/validation";
import { closeDecision } from "@/lib/decisions/use-cases/close-decision";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { ok } from "@/lib/result";

const closeDecisionEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, noBody);
  if (!body.ok) return body;
  const closed = await closeDecision(actor, { decisionId: params.id });
  return closed.ok ? ok(await decisionDetail(actor, params.id)) : closed;
});

export { closeDecisionEndpoint as POST };
