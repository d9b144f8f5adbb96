// A space's charter in force. Charter use cases live with spaces: every use case that authorizes goes
// through requireSpace, which reads the charter.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { currentCharter } from "@/lib/charter/data";
import { requireSpace } from "@/lib/spaces/access";

export async function viewCharter(actor: Actor | null, spaceSlug: string) {
  const access = await requireSpace(actor, spaceSlug, "charter.view");
  return { access, current: await currentCharter(access.space.id) };
}
