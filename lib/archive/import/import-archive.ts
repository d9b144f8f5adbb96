// Importing a space archive, as a read-only mirror or as a fork that governs on. The archive is verified completely
// first (lib/archive/verify.ts); then rows, record and checkpoints are written in one transaction, so an archive that
// does not verify, or a source that changes while it is read, changes nothing.
import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { insertCheckpoints, insertRows } from "@/lib/archive/import/insert-rows";
import { insertRecord } from "@/lib/archive/import/insert-record";
import { importArchiveInput } from "@/lib/archive/import/schema";
import { verifyArchive, type VerifiedArchive } from "@/lib/archive/verify";
import { appendEvent } from "@/lib/record/append";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";

/** Opens the archive's bytes; called twice (verify, then write), so a file or a buffer, not a one-shot stream. */
export type ArchiveSource = () => AsyncIterable<Uint8Array | string>;
export type ImportedSpace = { spaceId: string; slug: string; mode: "mirror" | "fork"; checkpointSize: number; rootHash: string; summary: string };

class SourceChanged extends Error {}

async function conflicts(archive: VerifiedArchive, slug: string): Promise<Result<never> | null> {
  const space = archive.rows.space[0]!;
  if (await db.space.findUnique({ where: { id: space.id }, select: { id: true } })) {
    return fail("SPACE_EXISTS", `This instance already holds space ${space.id} (imported or created here before); nothing was imported.`, "conflict");
  }
  if (await db.space.findUnique({ where: { slug }, select: { id: true } })) {
    return fail("SLUG_TAKEN", `The slug '${slug}' is taken on this instance: import with another slug.`, "conflict", { slug: ["This slug is taken"] });
  }
  const ids = archive.rows.people.map((p) => p.id);
  const native = await db.user.findFirst({ where: { id: { in: ids }, imported: null }, select: { id: true } });
  if (native) return fail("PERSON_EXISTS", `Person ${native.id} of the archive is already someone of this instance who did not arrive with an archive; nothing was imported.`, "conflict");
  return null;
}

/**
 * Verifies and imports an archive. `actorId` is who asked (null: an operator's command); the import's own event is
 * the fork's first `space.forked`, or a `mirror.started` in the instance log (a mirror's log stays its origin's).
 */
export async function importArchive(source: ArchiveSource, rawInput: unknown, { actorId = null, maxBytes }: { actorId?: string | null; maxBytes?: number } = {}): Promise<Result<ImportedSpace>> {
  const parsed = parseInput(importArchiveInput, rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const archive = await verifyArchive(source(), { key: input.key, maxBytes });
  if (!archive.ok) return fail("ARCHIVE_REFUSED", archive.reason, "invalid");
  const space = archive.rows.space[0]!;
  const slug = input.slug ?? space.slug;
  const refused = await conflicts(archive, slug);
  if (refused) return refused;
  const { header, checkpoint } = archive;
  const recordDigest = archive.digests.find((d) => d.name === "record")?.sha256;
  const origin = { origin: header.origin.instance, originSlug: header.origin.slug, checkpointSize: checkpoint.size, rootHash: checkpoint.rootHash };
  try {
    await db.$transaction(
      async (tx) => {
        await insertRows(tx, archive.rows, space.id, slug);
        await insertCheckpoints(tx, archive.rows, space.id, header.origin.instance);
        if ((await insertRecord(tx, space.id, source())) !== recordDigest) throw new SourceChanged();
        const following = input.mode === "mirror" && input.follow;
        await tx.spaceOrigin.create({ data: { spaceId: space.id, mode: input.mode, instance: header.origin.instance, originSlug: header.origin.slug, checkpointSize: checkpoint.size, rootHash: checkpoint.rootHash, following } });
        if (input.mode === "fork") {
          // The fork's own log goes on from the imported root: this event is its first position after it.
          await appendEvent(tx, { spaceId: space.id, actorId, type: "space.forked", subject: { spaceId: space.id }, data: origin });
        } else {
          await appendEvent(tx, { spaceId: null, actorId, type: "mirror.started", subject: { spaceId: space.id }, data: { ...origin, following } });
        }
      },
      { timeout: 30 * 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof SourceChanged) return fail("ARCHIVE_CHANGED", "The archive changed while it was being imported; nothing was imported.", "conflict");
    if (isUniqueViolation(error)) return fail("ALREADY_HERE", "Some of the archive's events or rows are already recorded on this instance; nothing was imported.", "conflict");
    throw error;
  }
  const what = input.mode === "fork" ? "fork" : "mirror";
  return ok({
    spaceId: space.id,
    slug,
    mode: input.mode,
    checkpointSize: checkpoint.size,
    rootHash: checkpoint.rootHash,
    summary: `Imported ${header.origin.instance}/s/${header.origin.slug} as a ${what} at /s/${slug}, verified to checkpoint ${checkpoint.size} (root ${checkpoint.rootHash.slice(0, 16)}…).`,
  });
}
