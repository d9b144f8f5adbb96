// A space's members.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { listMembers } from "@/lib/members/data";
import { memberView } from "@/lib/members/use-cases/member-view";
import { requireSpace } from "@/lib/spaces/access";

export async function spaceMembers(actor: Actor | null, spaceSlug: string) {
  const access = await requireSpace(actor, spaceSlug, "member.list");
  const members = await listMembers(access.space.id);
  return { access, members: members.map(memberView) };
}
