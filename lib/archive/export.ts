// Exporting a space archive: everything a community needs to carry on elsewhere, read in one snapshot so that rows,
// record and checkpoints agree. Authorized like the record's export (history.view: private spaces 404 for non-members).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { hasQueued, inSnapshot, readCheckpoints, readSpaceRows } from "@/lib/archive/data";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, rowJson, SectionHasher, type ArchiveHeader, type SectionDigest, type SectionName } from "@/lib/archive/format";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { exportLinesSql } from "@/lib/record/data";
import { checkpointOrigin, sequenceLog } from "@/lib/record/sequencer";

const CHUNK = 5000;
type Sink = (text: string) => Promise<void>;

class QueuedMeanwhile extends Error {}

async function writeSnapshot(sink: Sink, header: ArchiveHeader, logId: string): Promise<void> {
  await inSnapshot(async (tx) => {
      // A row committed after the last sequencing has its event still queued: sequence, then take a new snapshot.
      if (await hasQueued(tx, logId)) throw new QueuedMeanwhile();
      const digests: SectionDigest[] = [];
      const section = async (name: SectionName, lines: Iterable<string>) => {
        const hasher = new SectionHasher(name);
        await sink(`${JSON.stringify({ section: name })}\n`);
        for (const line of lines) {
          hasher.add(line);
          await sink(`${line}\n`);
        }
        digests.push(hasher.digest());
      };
      await sink(`${JSON.stringify(header)}\n`);
      for (const [name, rows] of await readSpaceRows(tx, header.origin.spaceId)) await section(name, rows.map(rowJson));
      const latest = await tx.checkpoint.findFirst({ where: { logId }, orderBy: { size: "desc" } });
      const size = latest?.size ?? 0;
      const { checkpoints, keys } = await readCheckpoints(tx, logId, size);
      await section("keys", keys.map(rowJson));
      await section("checkpoints", checkpoints.map(rowJson));
      // The record goes out in blocks of CHUNK lines, as Postgres joined them: one write and one hash update each.
      const record = new SectionHasher("record");
      await sink(`${JSON.stringify({ section: "record" })}\n`);
      for (let from = 0; from < size; from += CHUNK) {
        const to = Math.min(size, from + CHUNK);
        const [row] = await tx.$queryRaw<Array<{ lines: string | null }>>(exportLinesSql(logId, from, to));
        if (!row?.lines) continue;
        record.addBlock(row.lines, to - from);
        await sink(`${row.lines}\n`);
      }
      if (latest) {
        const checkpoint = { origin: checkpointOrigin(logId), size, rootHash: latest.rootHash, timestamp: latest.timestamp.toISOString(), signature: latest.signature, keyId: latest.keyId };
        const line = JSON.stringify({ checkpoint, publicKey: keys.find((k) => k.keyId === latest.keyId)?.publicKey ?? null });
        record.add(line);
        await sink(`${line}\n`);
      }
      digests.push(record.digest());
      await sink(`${JSON.stringify({ manifest: { sections: digests } })}\n`);
  });
}

type Opened = Awaited<ReturnType<typeof openSpaceLog>>;

async function writeOpened({ space, logId }: Opened, instance: string, sink: Sink): Promise<void> {
  const header: ArchiveHeader = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: new Date().toISOString(), origin: { instance, spaceId: space.id, slug: space.slug } };
  // Retries the snapshot while writers keep queueing events (each retry sequences first).
  for (let attempt = 0; ; attempt++) {
    let started = false;
    try {
      await writeSnapshot(async (text) => ((started = true), sink(text)), header, logId);
      return;
    } catch (error) {
      if (!(error instanceof QueuedMeanwhile) || started || attempt >= 5) throw error;
      await sequenceLog(logId, { wait: true });
    }
  }
}

/** Writes the archive of a space to `sink`. `instance` is this instance's public address, recorded as the origin. */
export async function writeSpaceArchive(actor: Actor | null, slug: string, instance: string, sink: Sink): Promise<void> {
  await writeOpened(await openSpaceLog(actor, slug), instance, sink);
}

/**
 * The archive as a byte stream (the API's download), written as the reader pulls it. Authorized before the first
 * byte, so a private space answers 404 to a non-member like a missing one.
 */
export async function spaceArchiveStream(actor: Actor | null, slug: string, instance: string): Promise<ReadableStream<Uint8Array>> {
  const opened = await openSpaceLog(actor, slug);
  const encoder = new TextEncoder();
  let wake: (() => void) | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const sink = async (text: string) => {
          controller.enqueue(encoder.encode(text));
          while ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (wake = resolve));
        };
        writeOpened(opened, instance, sink).then(
          () => controller.close(),
          (error: unknown) => controller.error(error),
        );
      },
      pull() {
        wake?.();
        wake = null;
      },
    },
    { highWaterMark: 64 },
  );
}
