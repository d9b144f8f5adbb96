// Accepting or declining a request to join.
import "server-only";
import type { Actor } from "@/lib/auth/session";
// The write shares this use case's name (one name per use case in every layer), so it is reached through the module.
import * as mutations from "@/lib/members/mutations";
import { requireSpace } from "@/lib/spaces/access";

export async function decideJoinRequest(actor: Actor | null, input: { spaceSlug: string; requestId: string; accept: boolean }) {
  const access = await requireSpace(actor, input.spaceSlug, "join.decide");
  return mutations.decideJoinRequest({ spaceId: access.space.id, actorId: actor!.id, requestId: input.requestId, accept: input.accept });
}
