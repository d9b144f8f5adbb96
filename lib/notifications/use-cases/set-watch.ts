// Watch a space or one of its decisions or releases, mute it, or go back to the default (members hear
// their spaces). An item of another space answers like a missing one.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { itemInSpace } from "@/lib/notifications/data";
import { saveWatch } from "@/lib/notifications/mutations";
import type { SetWatchInput } from "@/lib/notifications/schema";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export async function setWatch(actor: Actor | null, input: SetWatchInput, now = new Date()): Promise<Result<{ itemId: string | null; watching: SetWatchInput["watching"] }>> {
  // The policy's watch.set, on the space's visibility and the actor's role read now.
  const access = await requireSpace(actor, input.spaceSlug, "watch.set");
  const itemId = input.itemId ?? "";
  if (itemId && !(await itemInSpace(access.space.id, itemId))) return fail("NOT_FOUND", "No such decision or release in this space.", "not_found");
  const watching = input.watching === "default" ? null : input.watching === "watch";
  await saveWatch({ userId: actor!.id, spaceId: access.space.id, itemId, watching, now });
  return ok({ itemId: itemId || null, watching: input.watching });
}
