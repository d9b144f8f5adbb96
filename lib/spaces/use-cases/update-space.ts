// Changing a space's settings.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { saveSpaceSettings } from "@/lib/spaces/mutations";
import type { UpdateSpaceInput } from "@/lib/spaces/schema";

export async function updateSpace(actor: Actor | null, input: UpdateSpaceInput): Promise<Result<{ changed: string[] }>> {
  const access = await requireSpace(actor, input.spaceSlug, "space.update");
  const saved = await saveSpaceSettings({ spaceId: access.space.id, actorId: actor!.id, input });
  return ok({ changed: saved.changed });
}
