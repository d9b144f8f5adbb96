import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { addMember } from "@/lib/members/use-cases/add-member";
import { spaceMember } from "@/lib/members/use-cases/space-member";
import { spaceMembers } from "@/lib/members/use-cases/space-members";
import { addMemberFields } from "@/lib/members/schema";

const spaceMembersEndpoint = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const { members } = await spaceMembers(actor, params.slug);
  return ok({ members });
});

// The action's schema (addMemberInput) less the space, which the path names.
const addMemberEndpoint = apiRoute<{ slug: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, addMemberFields);
    if (!body.ok) return body;
    const added = await addMember(actor, { spaceSlug: params.slug, ...body.data });
    if (!added.ok) return added;
    return spaceMember(actor, { spaceSlug: params.slug, userId: added.data.userId });
  },
  { status: 201 },
);

export { spaceMembersEndpoint as GET, addMemberEndpoint as POST };
