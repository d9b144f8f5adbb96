import { apiRoute } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { spaceJson } from "@/lib/spaces/use-cases/space-json";
import { viewSpace } from "@/lib/spaces/use-cases/view-space";

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const view = await viewSpace(actor, params.slug);
  return ok(spaceJson(view.space, { memberCount: view.counts.members, yourRole: view.role }));
});
