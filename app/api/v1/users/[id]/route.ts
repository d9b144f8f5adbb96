import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { updateDisplayNameInput } from "@/lib/users/schema";
import { updateDisplayName } from "@/lib/users/use-cases/update-display-name";
import { profileJson, viewProfile } from "@/lib/users/use-cases/view-profile";

type Params = { id: string };

const viewProfileEndpoint = apiRoute<Params>(async ({ actor, params }) => {
  const view = await viewProfile(actor, { userId: params.id });
  return view.ok ? ok(profileJson(view.data)) : view;
});

// The action's own schema: the person is the path's id, and must be the caller.
const updateDisplayNameEndpoint = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, updateDisplayNameInput);
  if (!body.ok) return body;
  return updateDisplayName(actor, { ...body.data, userId: params.id });
});

export { viewProfileEndpoint as GET, updateDisplayNameEndpoint as PATCH };
