// Moving a release through its lifecycle: the status re-checked on the locked row, the gates on fresh state,
// and the transition's record event in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import type { ReleaseTransitionEvent } from "@/lib/record/events/catalog";
import { fail, ok, type Result } from "@/lib/result";
import { checkTransition, type ReleaseStatus } from "@/lib/releases/lifecycle";
import { lockedRelease } from "@/lib/releases/mutations/locked-release";
import { digestsChangedSinceVote, sortedDigests, transitionEventType } from "@/lib/releases/rules";

export async function transitionRelease({
  releaseId,
  actorId,
  from,
  to,
  note,
  reason = null,
  now = new Date(),
}: {
  releaseId: string;
  actorId: string;
  from: ReleaseStatus;
  to: ReleaseStatus;
  note: string;
  /** Why, for a withdrawal: kept in the record event. */
  reason?: string | null;
  now?: Date;
}): Promise<Result<{ id: string; from: ReleaseStatus; to: ReleaseStatus; receipt: string }>> {
  return db.$transaction(async (tx) => {
    const release = await lockedRelease(tx, releaseId);
    if (!release) return fail("NOT_FOUND", "No such release.", "not_found");
    if (release.status !== from) {
      return fail("STALE_STATUS", `The release moved to ${release.status.replace("_", " ")} meanwhile; reload and try again.`, "conflict");
    }
    const digests = release.artifacts.map((a) => a.digest);
    const check = checkTransition({
      from,
      to,
      via: "user",
      gates: {
        artifactCount: release.artifacts.length,
        unpinnedLinks: release.links.filter((l) => !l.pinned).map((l) => l.display),
        digestsChangedSinceVote: release.votedDigests.length === 0 || digestsChangedSinceVote(digests, release.votedDigests),
      },
    });
    if (!check.ok) return fail(check.code, check.message, "rule");
    await tx.release.update({ where: { id: releaseId }, data: { status: to, ...(to === "published" ? { publishedAt: now } : {}) } });
    const event = await appendEvent(tx, {
      spaceId: release.spaceId,
      actorId,
      // The type follows `to`, which the compiler cannot pair with the data; the catalog checks the pair when it is written.
      ...({
        type: transitionEventType(to),
        subject: { releaseId },
        data: {
          from,
          to,
          ...(note ? { note } : {}),
          ...(reason ? { reason } : {}),
          ...(to === "published"
            ? { digests: sortedDigests(digests), registry: release.links.map((l) => ({ kind: l.kind, reference: l.reference, pinned: l.pinned })) }
            : {}),
        },
      } as ReleaseTransitionEvent),
    });
    return ok({ id: releaseId, from, to, receipt: event.receipt });
  });
}
