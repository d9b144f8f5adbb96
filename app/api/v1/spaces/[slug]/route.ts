import { apiRoute } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { spaceJson, viewSpace } from "@/lib/spaces/use-cases";

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const view = await viewSpace(actor, params.slug);
  return ok(spaceJson(view.space, { memberCount: view.counts.members, yourRole: view.role }));
});
