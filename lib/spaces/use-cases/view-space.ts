// A space with its counts, for its readers.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { requireSpace } from "@/lib/spaces/access";
import { spaceCounts } from "@/lib/spaces/data";

export async function viewSpace(actor: Actor | null, slug: string) {
  const access = await requireSpace(actor, slug);
  const counts = await spaceCounts(access.space.id);
  return { ...access, counts };
}
