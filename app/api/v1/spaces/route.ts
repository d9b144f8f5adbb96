import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { createSpaceInput } from "@/lib/spaces/schema";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { listSpaces } from "@/lib/spaces/use-cases/list-spaces";
import { viewSpace } from "@/lib/spaces/use-cases/view-space";
import { spaceJson } from "@/lib/spaces/use-cases/space-json";

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
