// One release as a space's pages read it.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { noSuchRelease } from "@/lib/releases/use-cases/readable-release";
import { viewRelease } from "@/lib/releases/use-cases/view-release";

/** A release as a space's pages read it: another space's release is not in this one, whatever its visibility. */
export async function viewSpaceRelease(actor: Actor | null, spaceSlug: string, releaseId: string) {
  const viewed = await viewRelease(actor, releaseId);
  if (viewed.release.space.slug !== spaceSlug) throw noSuchRelease();
  return viewed;
}
