// Marks one, some or all of your notifications read; ids that are not yours change nothing.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { markRead as writeRead } from "@/lib/notifications/mutations";
import type { MarkReadInput } from "@/lib/notifications/schema";
import { authorize } from "@/lib/policy";
import { ok, type Result } from "@/lib/result";

export async function markRead(actor: Actor | null, input: MarkReadInput, now = new Date()): Promise<Result<{ marked: number }>> {
  authorize(actor, "notification.mark-read", { ownerId: actor?.id });
  const marked = await writeRead({ userId: actor!.id, ids: input.all ? "all" : (input.ids ?? []), now });
  return ok({ marked });
}
