// The import's one transaction: rows, the origin's keys and checkpoints, the record read again from its source, where
// the space came from, and the import's own event. Throws SourceChanged when the source is not what was verified.
import "server-only";
import { db } from "@/lib/db";
import { insertCheckpoints, insertRows } from "@/lib/archive/import/insert-rows";
import { insertRecord } from "@/lib/archive/import/insert-record";
import type { VerifiedArchive } from "@/lib/archive/verify";
import { appendEvent } from "@/lib/record/append";

export class SourceChanged extends Error {}

export type WriteImport = {
  archive: VerifiedArchive;
  source: () => AsyncIterable<Uint8Array | string>;
  mode: "mirror" | "fork";
  slug: string;
  following: boolean;
  actorId: string | null;
};

export async function writeImport({ archive, source, mode, slug, following, actorId }: WriteImport): Promise<void> {
  const { header, checkpoint, rows } = archive;
  const spaceId = rows.space[0]!.id;
  const recordDigest = archive.digests.find((d) => d.name === "record")?.sha256;
  const origin = { origin: header.origin.instance, originSlug: header.origin.slug, checkpointSize: checkpoint.size, rootHash: checkpoint.rootHash };
  await db.$transaction(
    async (tx) => {
      await insertRows(tx, rows, spaceId, slug);
      await insertCheckpoints(tx, rows, spaceId, header.origin.instance);
      if ((await insertRecord(tx, spaceId, source())) !== recordDigest) throw new SourceChanged();
      await tx.spaceOrigin.create({ data: { spaceId, mode, instance: origin.origin, originSlug: origin.originSlug, checkpointSize: checkpoint.size, rootHash: checkpoint.rootHash, following } });
      if (mode === "fork") {
        // The fork's own log goes on from the imported root: this event takes the first position after it.
        await appendEvent(tx, { spaceId, actorId, type: "space.forked", subject: { spaceId }, data: origin });
      } else {
        // A mirror's log must stay its origin's: its import is recorded in the instance log.
        await appendEvent(tx, { spaceId: null, actorId, type: "mirror.started", subject: { spaceId }, data: { ...origin, following } });
      }
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}
