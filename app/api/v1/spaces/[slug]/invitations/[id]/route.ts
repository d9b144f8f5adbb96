import { apiRoute, readBody } from "@/lib/api/handler";
import { noBody, parseInput } from "@/lib/validation";
import { revokeInvitationInput } from "@/lib/members/schema";
import { revokeInvitation } from "@/lib/members/use-cases/revoke-invitation";

type Params = { slug: string; id: string };

// The action's own schema (revokeInvitationInput), read from the path: the same bounds, the same messages.
const revokeInvitationEndpoint = apiRoute<Params>(async ({ req, actor, params }) => {
  const body = await readBody(req, noBody);
  if (!body.ok) return body;
  const input = parseInput(revokeInvitationInput, { spaceSlug: params.slug, invitationId: params.id });
  if (!input.ok) return input;
  return revokeInvitation(actor, input.data);
});

export { revokeInvitationEndpoint as DELETE };
