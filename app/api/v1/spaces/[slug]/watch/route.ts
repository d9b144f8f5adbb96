import { apiRoute, readBody } from "@/lib/api/handler";
import { watchFields } from "@/lib/notifications/schema";
import { setWatch } from "@/lib/notifications/use-cases/set-watch";

// The action's schema (setWatchInput) less the space, which the path names.
export const PUT = apiRoute<{ slug: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, watchFields);
  return body.ok ? setWatch(actor, { spaceSlug: params.slug, ...body.data }) : body;
});
