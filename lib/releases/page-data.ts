// Everything the release page shows, read and computed in one place so the page stays thin.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getRelease } from "@/lib/releases/data";
import { diffReleases, type ReleaseDiff } from "@/lib/releases/diff";
import { opennessOf } from "@/lib/releases/present";
import { allowedTransitions } from "@/lib/releases/rules";
import { viewRelease } from "@/lib/releases/use-cases";
import type { MofComponentId } from "@/lib/releases/openness";

export async function releasePageData(actor: Actor | null, releaseId: string) {
  const { access, release } = await viewRelease(actor, releaseId);
  const previous = release.previousReleaseId ? await getRelease(release.previousReleaseId) : null;
  const diff: ReleaseDiff | null = previous
    ? diffReleases(
        { version: `${previous.modelName} ${previous.version}`, artifacts: previous.artifacts, components: previous.components },
        { version: `${release.modelName} ${release.version}`, artifacts: release.artifacts, components: release.components },
      )
    : null;
  const inputs = release.components.map((c) => ({ component: c.component as MofComponentId, included: c.included, license: c.license }));
  const transitions = allowedTransitions({ actor, status: release.status, space: { visibility: access.space.visibility, role: access.role } });
  return { access, release, previous, diff, openness: opennessOf(release.components), inputs, transitions };
}
