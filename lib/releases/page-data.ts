// Everything the release page shows, read and computed in one place so the page stays thin.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getRelease, releaseWithdrawal } from "@/lib/releases/data";
import { diffReleases, type ReleaseDiff } from "@/lib/releases/diff";
import { opennessOf } from "@/lib/releases/present";
import { allowedTransitions } from "@/lib/releases/rules";
import { viewSpaceRelease } from "@/lib/releases/use-cases/view-space-release";
import type { MofComponentId } from "@/lib/releases/openness";
import { userNames } from "@/lib/users/data";

/** Throws NOT_FOUND "No such release." for a missing id, another space's release, or one the viewer cannot see. */
export async function releasePageData(actor: Actor | null, spaceSlug: string, releaseId: string) {
  const { access, release } = await viewSpaceRelease(actor, spaceSlug, releaseId);
  const previous = release.previousReleaseId ? await getRelease(release.previousReleaseId) : null;
  const diff: ReleaseDiff | null = previous
    ? diffReleases(
        { version: `${previous.modelName} ${previous.version}`, artifacts: previous.artifacts, components: previous.components },
        { version: `${release.modelName} ${release.version}`, artifacts: release.artifacts, components: release.components },
      )
    : null;
  const inputs = release.components.map((c) => ({ component: c.component as MofComponentId, included: c.included, license: c.license }));
  const transitions = allowedTransitions({ actor, status: release.status, space: { visibility: access.space.visibility, role: access.role }, proposerId: release.createdById });
  const withdrawal = release.status === "withdrawn" ? await withdrawnBy(releaseId) : null;
  return { access, release, previous, diff, openness: opennessOf(release.components), inputs, transitions, withdrawal };
}

/** Who withdrew the release, when and why, as the record holds it. */
async function withdrawnBy(releaseId: string) {
  const event = await releaseWithdrawal(releaseId);
  if (!event) return null;
  const names = await userNames([event.actorId]);
  return { by: (event.actorId && names[event.actorId]) || "someone", at: event.at, reason: event.reason };
}
