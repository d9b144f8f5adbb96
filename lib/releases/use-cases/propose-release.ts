// Proposing a release: its parts normalised before anything is written.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { createRelease } from "@/lib/releases/mutations";
import type { CreateReleaseInput } from "@/lib/releases/schema";
import { normalizeParts } from "@/lib/releases/use-cases/release-parts";
import { ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export async function proposeRelease(actor: Actor | null, input: CreateReleaseInput): Promise<Result<{ id: string; spaceSlug: string; receipt: string }>> {
  const access = await requireSpace(actor, input.spaceSlug, "release.propose");
  const parts = normalizeParts(input);
  if (!parts.ok) return parts;
  const created = await createRelease({
    spaceId: access.space.id,
    actorId: actor!.id,
    fields: {
      modelName: input.modelName,
      version: input.version,
      summary: input.summary,
      changelog: input.changelog,
      previousReleaseId: input.previousReleaseId || null,
      baseModelRef: parts.data.baseModelRef ?? null,
      artifacts: parts.data.artifacts ?? [],
      components: parts.data.components ?? [],
      links: parts.data.links ?? [],
    },
  });
  return created.ok ? ok({ ...created.data, spaceSlug: access.space.slug }) : created;
}
