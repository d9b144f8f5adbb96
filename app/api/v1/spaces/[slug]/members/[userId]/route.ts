import { apiRoute, readBody } from "@/lib/api/handler";
import { noBody } from "@/lib/validation";
import { ok } from "@/lib/result";
import { changeRole } from "@/lib/members/use-cases/change-role";
import { removeMember } from "@/lib/members/use-cases/remove-member";
import { spaceMember } from "@/lib/members/use-cases/space-member";
import { changeRoleFields } from "@/lib/members/schema";

type Params = { slug: string; userId: string };

// The action's schema (changeRoleInput) less the space and member, which the path names.
const changeRoleEndpoint = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, changeRoleFields);
  if (!body.ok) return body;
  const changed = await changeRole(actor, { spaceSlug: params.slug, userId: params.userId, ...body.data });
  if (!changed.ok) return changed;
  return spaceMember(actor, { spaceSlug: params.slug, userId: params.userId });
});

/** Removes a member, or (with your own id) leaves: the use case tells them apart. */
const removeMemberEndpoint = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, noBody);
  if (!body.ok) return body;
  const removed = await removeMember(actor, { spaceSlug: params.slug, userId: params.userId });
  return removed.ok ? ok({ removed: params.userId }) : removed;
});

export { changeRoleEndpoint as PATCH, removeMemberEndpoint as DELETE };
