import { apiRoute, readBody } from "@/lib/api/handler";
import { resolveConcernFields } from "@/lib/concerns/schema";
import { resolveConcern } from "@/lib/concerns/use-cases/resolve-concern";

const resolveConcernEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, resolveConcernFields);
  if (!body.ok) return body;
  return resolveConcern(actor, { ...body.data, concernId: params.id });
});

export { resolveConcernEndpoint as POST };
