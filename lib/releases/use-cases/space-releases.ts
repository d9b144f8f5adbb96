// A space's releases, filtered by status or model, with the model names to filter by.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { listModelNames, listReleases } from "@/lib/releases/data";
import type { ReleaseStatus } from "@/lib/releases/lifecycle";
import { requireSpace } from "@/lib/spaces/access";

export async function spaceReleases(actor: Actor | null, spaceSlug: string, filter: { status?: ReleaseStatus; model?: string; take?: number; skip?: number } = {}) {
  const access = await requireSpace(actor, spaceSlug, "release.view");
  const [releases, models] = await Promise.all([listReleases(access.space.id, filter), listModelNames(access.space.id)]);
  return { access, releases, models };
}
