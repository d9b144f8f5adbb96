import { apiRoute, readBody } from "@/lib/api/handler";
import { cancelFields } from "@/lib/decisions/schema";
import { cancelDecision } from "@/lib/decisions/use-cases/cancel-decision";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { ok } from "@/lib/result";

const cancelDecisionEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, cancelFields);
  if (!body.ok) return body;
  const cancelled = await cancelDecision(actor, { decisionId: params.id, reason: body.data.reason });
  return cancelled.ok ? ok(await decisionDetail(actor, params.id)) : cancelled;
});

export { cancelDecisionEndpoint as POST };
