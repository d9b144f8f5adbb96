import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { mapIdentity } from "@/lib/members/use-cases/map-identity";
import { spaceMember } from "@/lib/members/use-cases/space-member";
import { mapIdentityFields } from "@/lib/members/schema";

type Params = { slug: string; userId: string };

// The action's schema (mapIdentityInput) less the space and the imported person, which the path names.
const mapIdentityEndpoint = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, mapIdentityFields);
  if (!body.ok) return body;
  const mapped = await mapIdentity(actor, { spaceSlug: params.slug, userId: params.userId, ...body.data });
  if (!mapped.ok) return mapped;
  const member = await spaceMember(actor, { spaceSlug: params.slug, userId: mapped.data.userId });
  return member.ok ? ok({ ...member.data, mappedFrom: params.userId }) : member;
});

export { mapIdentityEndpoint as POST };
