import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { addMemberByEmail, spaceMember, spaceMembers } from "@/lib/members/use-cases";
import { apiAddMemberBody } from "@/lib/members/endpoints";

export const GET = apiRoute<{ slug: string }>(async ({ actor, params }) => {
  const { members } = await spaceMembers(actor, params.slug);
  return ok({ members });
});

export const POST = apiRoute<{ slug: string }>(
  async ({ req, actor, params }) => {
    const body = await readBody(req, apiAddMemberBody);
    if (!body.ok) return body;
    const added = await addMemberByEmail(actor, { spaceSlug: params.slug, ...body.data });
    if (!added.ok) return added;
    return spaceMember(actor, { spaceSlug: params.slug, userId: added.data.userId });
  },
  { status: 201 },
);
