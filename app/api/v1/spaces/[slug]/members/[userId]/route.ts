import { apiRoute, readBody } from "@/lib/api/handler";
import { noBody } from "@/lib/validation";
import { ok } from "@/lib/result";
import { changeRole, removeFromSpace, spaceMember } from "@/lib/members/use-cases";
import { apiChangeRoleBody } from "@/lib/members/endpoints";

type Params = { slug: string; userId: string };

export const PATCH = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, apiChangeRoleBody);
  if (!body.ok) return body;
  const changed = await changeRole(actor, { spaceSlug: params.slug, userId: params.userId, role: body.data.role });
  if (!changed.ok) return changed;
  return spaceMember(actor, { spaceSlug: params.slug, userId: params.userId });
});

export const DELETE = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, noBody);
  if (!body.ok) return body;
  const removed = await removeFromSpace(actor, { spaceSlug: params.slug, userId: params.userId });
  return removed.ok ? ok({ removed: params.userId }) : removed;
});
