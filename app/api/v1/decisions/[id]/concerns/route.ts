import { apiRoute, readBody } from "@/lib/api/handler";
import { raiseConcernFields } from "@/lib/concerns/schema";
import { listSubjectConcerns } from "@/lib/concerns/use-cases/list-concerns";
import { raiseConcern } from "@/lib/concerns/use-cases/raise-concern";
import { ok } from "@/lib/result";

const listDecisionConcernsEndpoint = apiRoute<{ id: string }>(async ({ actor, params }) => ok(await listSubjectConcerns(actor, { on: "decision", subjectId: params.id })));

const raiseDecisionConcernEndpoint = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, raiseConcernFields);
    if (!body.ok) return body;
    return raiseConcern(actor, { ...body.data, on: "decision", subjectId: params.id });
  },
  { status: 201 },
);

export { listDecisionConcernsEndpoint as GET, raiseDecisionConcernEndpoint as POST };
