// Editing a release proposal: the proposer or a steward, the changed fields only.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { updateRelease, type ReleasePatch } from "@/lib/releases/mutations";
import type { UpdateReleaseInput } from "@/lib/releases/schema";
import { authorizeOn, readableRelease } from "@/lib/releases/use-cases/readable-release";
import { normalizeParts } from "@/lib/releases/use-cases/release-parts";
import { ok, type Result } from "@/lib/result";

export async function editRelease(actor: Actor | null, input: UpdateReleaseInput): Promise<Result<{ id: string; spaceSlug: string; changed: string[] }>> {
  const readable = await readableRelease(actor, input.releaseId);
  authorizeOn(actor, "release.edit", readable);
  const { access } = readable;
  const parts = normalizeParts(input);
  if (!parts.ok) return parts;
  const patch: ReleasePatch = {
    ...(input.modelName !== undefined ? { modelName: input.modelName } : {}),
    ...(input.version !== undefined ? { version: input.version } : {}),
    ...(input.summary !== undefined ? { summary: input.summary } : {}),
    ...(input.changelog !== undefined ? { changelog: input.changelog } : {}),
    ...(input.previousReleaseId !== undefined ? { previousReleaseId: input.previousReleaseId || null } : {}),
    ...parts.data,
  };
  const updated = await updateRelease({ releaseId: input.releaseId, actorId: actor!.id, patch });
  return updated.ok ? ok({ id: updated.data.id, spaceSlug: access.space.slug, changed: updated.data.changed }) : updated;
}
