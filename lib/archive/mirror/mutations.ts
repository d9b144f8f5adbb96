// Writes of a following mirror: catching up with a verified archive of its origin, or stopping with the evidence.
import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deleteDiscussionRows } from "@/lib/archive/import/insert-discussions";
import { insertCheckpoints, insertDomainRows, insertPeople } from "@/lib/archive/import/insert-rows";
import { insertRecord } from "@/lib/archive/import/insert-record";
import { SourceChanged } from "@/lib/archive/import/mutations";
import type { VerifiedArchive } from "@/lib/archive/verify";
import { appendEvent } from "@/lib/record/append";

/** The space's domain rows, children first (the foreign keys restrict), so a newer archive's rows replace them. */
async function deleteDomainRows(tx: Tx, spaceId: string): Promise<void> {
  const release = { release: { spaceId } };
  const report = { report: { spaceId } };
  await deleteDiscussionRows(tx, spaceId);
  await tx.ballot.deleteMany({ where: { decision: { spaceId } } });
  await tx.decision.deleteMany({ where: { spaceId } });
  await tx.findingTransition.deleteMany({ where: { finding: report } });
  await tx.auditReview.deleteMany({ where: report });
  await tx.finding.deleteMany({ where: report });
  await tx.auditReport.deleteMany({ where: { spaceId } });
  await tx.artifact.deleteMany({ where: release });
  await tx.releaseComponent.deleteMany({ where: release });
  await tx.registryLink.deleteMany({ where: release });
  await tx.release.updateMany({ where: { spaceId }, data: { previousReleaseId: null } });
  await tx.release.deleteMany({ where: { spaceId } });
  await tx.charterVersion.deleteMany({ where: { spaceId } });
  await tx.membership.deleteMany({ where: { spaceId } });
}

/** Appends the origin's new events (after `heldSize`) and checkpoints and replaces the rows, in one transaction. */
export async function catchUp(archive: VerifiedArchive, source: () => AsyncIterable<Uint8Array | string>, heldSize: number): Promise<void> {
  const { rows, checkpoint, header } = archive;
  const { id: spaceId, slug: _slug, ...space } = rows.space[0]!;
  const recordDigest = archive.digests.find((d) => d.name === "record")?.sha256;
  await db.$transaction(
    async (tx) => {
      await tx.space.update({ where: { id: spaceId }, data: space });
      await insertPeople(tx, rows);
      await deleteDomainRows(tx, spaceId);
      await insertDomainRows(tx, rows, spaceId);
      await insertCheckpoints(tx, rows, spaceId, header.origin.instance);
      if ((await insertRecord(tx, spaceId, source(), heldSize)) !== recordDigest) throw new SourceChanged();
      await tx.spaceOrigin.update({ where: { spaceId }, data: { checkpointSize: checkpoint.size, rootHash: checkpoint.rootHash, lastPulledAt: new Date() } });
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}

export async function markPulled(spaceId: string): Promise<void> {
  await db.spaceOrigin.update({ where: { spaceId }, data: { lastPulledAt: new Date() } });
}

export type StopEvidence = {
  reason: string;
  held: { size: number; rootHash: string };
  origin: { size: number; rootHash: string; [key: string]: unknown };
  proof: unknown;
};

/** Stops following for good, keeping the evidence, and records why in the instance log. */
export async function stopFollowing(spaceId: string, evidence: StopEvidence): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.spaceOrigin.update({
      where: { spaceId },
      data: { following: false, stoppedAt: new Date(), stopReason: evidence.reason, evidence: evidence as unknown as Prisma.InputJsonObject },
    });
    await appendEvent(tx, {
      spaceId: null,
      actorId: null,
      type: "mirror.stopped",
      subject: { spaceId },
      data: { reason: evidence.reason, heldSize: evidence.held.size, heldRoot: evidence.held.rootHash, originSize: evidence.origin.size, originRoot: evidence.origin.rootHash },
      via: "system",
    });
  });
}
