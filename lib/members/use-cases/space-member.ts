// One member of a space.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getMember } from "@/lib/members/data";
import { memberView } from "@/lib/members/use-cases/member-view";
import { fail, ok } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

/** One member as spaceMembers lists them; an API write answers with it without reading the whole list. */
export async function spaceMember(actor: Actor | null, input: { spaceSlug: string; userId: string }) {
  const access = await requireSpace(actor, input.spaceSlug, "member.list");
  const member = await getMember(access.space.id, input.userId);
  return member ? ok(memberView(member)) : fail("NOT_A_MEMBER", "That person is not a member of this space.", "not_found");
}
