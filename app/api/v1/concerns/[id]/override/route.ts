import { apiRoute, readBody } from "@/lib/api/handler";
import { overrideConcernFields } from "@/lib/concerns/schema";
import { overrideConcern } from "@/lib/concerns/use-cases/override-concern";

const overrideConcernEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, overrideConcernFields);
  if (!body.ok) return body;
  return overrideConcern(actor, { ...body.data, concernId: params.id });
});

export { overrideConcernEndpoint as POST };
