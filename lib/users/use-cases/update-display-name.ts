// A person changes the name everyone sees for them; only their own (lib/policy.ts profile.update).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { authorize } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";
import { renameUser } from "@/lib/users/mutations";
import type { UpdateDisplayNameInput } from "@/lib/users/schema";

export async function updateDisplayName(actor: Actor | null, input: UpdateDisplayNameInput & { userId: string }): Promise<Result<{ id: string; name: string; changed: boolean }>> {
  // Someone else's id answers NOT_FOUND, as for any personal resource.
  authorize(actor, "profile.update", { ownerId: input.userId });
  const renamed = await renameUser({ userId: input.userId, name: input.name });
  return renamed ? ok(renamed) : fail("USER_NOT_FOUND", "No such person.", "not_found");
}
