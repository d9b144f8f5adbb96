import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { apiTransitionBody } from "@/lib/releases/endpoints";
import { releaseJson } from "@/lib/releases/present";
import { transitionRelease } from "@/lib/releases/use-cases/transition-release";
import { viewRelease } from "@/lib/releases/use-cases/view-release";

const transitionReleaseEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, apiTransitionBody);
  if (!body.ok) return body;
  const moved = await transitionRelease(actor, { releaseId: params.id, to: body.data.to, note: body.data.note });
  if (!moved.ok) return moved;
  return ok(releaseJson((await viewRelease(actor, params.id)).release));
});

export { transitionReleaseEndpoint as POST };
