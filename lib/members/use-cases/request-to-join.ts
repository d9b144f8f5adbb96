// Asking to join a public space.
import "server-only";
import type { Actor } from "@/lib/auth/session";
// The write shares this use case's name (one name per use case in every layer), so it is reached through the module.
import * as mutations from "@/lib/members/mutations";
import { fail } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export async function requestToJoin(actor: Actor | null, input: { spaceSlug: string; message: string }) {
  const access = await requireSpace(actor, input.spaceSlug, "join.request");
  if (access.space.visibility !== "public") return fail("NOT_FOUND", "No such space.", "not_found");
  if (access.role) return fail("ALREADY_MEMBER", "You are already a member of this space.", "conflict");
  return mutations.requestToJoin({ spaceId: access.space.id, userId: actor!.id, message: input.message });
}
