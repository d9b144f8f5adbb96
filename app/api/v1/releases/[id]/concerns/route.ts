import { apiRoute, readBody } from "@/lib/api/handler";
import { raiseConcernFields } from "@/lib/concerns/schema";
import { listSubjectConcerns } from "@/lib/concerns/use-cases/list-concerns";
import { raiseConcern } from "@/lib/concerns/use-cases/raise-concern";
import { ok } from "@/lib/result";

const listReleaseConcernsEndpoint = apiRoute<{ id: string }>(async ({ actor, params }) => ok(await listSubjectConcerns(actor, { on: "release", subjectId: params.id })));

const raiseReleaseConcernEndpoint = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, raiseConcernFields);
    if (!body.ok) return body;
    return raiseConcern(actor, { ...body.data, on: "release", subjectId: params.id });
  },
  { status: 201 },
);

export { listReleaseConcernsEndpoint as GET, raiseReleaseConcernEndpoint as POST };
