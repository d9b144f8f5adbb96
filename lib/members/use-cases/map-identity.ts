// An owner of a fork maps a person who arrived with the archive, and has not signed in to claim their identity, to an
// existing user of this instance (by e-mail), who takes their place and role in the space.
import "server-only";
import type { Actor } from "@/lib/auth/session";
// The write shares this use case's name (one name per use case in every layer), so it is reached through the module.
import * as mutations from "@/lib/members/mutations";
import type { MapIdentityInput } from "@/lib/members/schema";
import { fail, ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { findUserByEmail } from "@/lib/users/data";

export async function mapIdentity(actor: Actor | null, input: MapIdentityInput) {
  // The policy refuses a mirror (read-only) and anyone but an owner, before anything is read about the people.
  const access = await requireSpace(actor, input.spaceSlug, "identity.map");
  const user = await findUserByEmail(input.email);
  if (!user) return fail("USER_NOT_FOUND", `No user has the e-mail ${input.email}; they sign in here once first.`, "not_found", { email: ["No user has this e-mail"] });
  if (user.id === input.userId) return mutations.unclaimedOnly();
  const mapped = await mutations.mapIdentity({ spaceId: access.space.id, actorId: actor!.id, userId: input.userId, toUserId: user.id });
  return mapped.ok ? ok({ userId: user.id, role: mapped.data.role, mappedFrom: input.userId, receipt: mapped.data.receipt }) : mapped;
}
