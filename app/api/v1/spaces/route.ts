import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { createSpaceInput } from "@/lib/spaces/schema";
import { createSpace, listSpaces, viewSpace, spaceJson } from "@/lib/spaces/use-cases";

const listSpacesEndpoint = apiRoute(async ({ actor }) => ok({ spaces: await listSpaces(actor) }));

const createSpaceEndpoint = apiRoute(
  async ({ req, actor }) => {
    const input = await readBody(req, createSpaceInput);
    if (!input.ok) return input;
    const created = await createSpace(actor, input.data);
    if (!created.ok) return created;
    const view = await viewSpace(actor, created.data.slug);
    return ok(spaceJson(view.space, { memberCount: view.counts.members, yourRole: view.role }));
  },
  { status: 201 },
);

export { listSpacesEndpoint as GET, createSpaceEndpoint as POST };
