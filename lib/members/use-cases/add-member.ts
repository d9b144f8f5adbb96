// Adding an existing user to a space by e-mail.
import "server-only";
import type { Actor } from "@/lib/auth/session";
// The write shares this use case's name (one name per use case in every layer), so it is reached through the module.
import * as mutations from "@/lib/members/mutations";
import { spaceFacts } from "@/lib/members/use-cases/space-facts";
import { refusalOf } from "@/lib/policy";
import type { SpaceRole } from "@/lib/policy-resource";
import { fail, ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { findUserByEmail } from "@/lib/users/data";

export async function addMember(actor: Actor | null, input: { spaceSlug: string; email: string; role: SpaceRole }) {
  const access = await requireSpace(actor, input.spaceSlug, "member.add");
  const refused = refusalOf(actor, "member.add", { space: spaceFacts(access), charter: access.charter, grant: input.role });
  if (refused) return refused;
  const user = await findUserByEmail(input.email);
  if (!user) return fail("USER_NOT_FOUND", `No user has the e-mail ${input.email}; invite them by link instead.`, "not_found");
  const added = await mutations.addMember({ spaceId: access.space.id, actorId: actor!.id, userId: user.id, role: input.role });
  return added.ok ? ok({ userId: user.id, role: input.role }) : added;
}
