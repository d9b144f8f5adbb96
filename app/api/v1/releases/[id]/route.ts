import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { apiUpdateReleaseBody } from "@/lib/releases/endpoints";
import { releaseJson } from "@/lib/releases/present";
import { editRelease } from "@/lib/releases/use-cases/edit-release";
import { viewRelease } from "@/lib/releases/use-cases/view-release";

const viewReleaseEndpoint = apiRoute<{ id: string }>(async ({ actor, params }) => ok(releaseJson((await viewRelease(actor, params.id)).release)));

const editReleaseEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, apiUpdateReleaseBody);
  if (!body.ok) return body;
  const edited = await editRelease(actor, { ...body.data, releaseId: params.id });
  if (!edited.ok) return edited;
  return ok(releaseJson((await viewRelease(actor, params.id)).release));
});

export { viewReleaseEndpoint as GET, editReleaseEndpoint as PATCH };
