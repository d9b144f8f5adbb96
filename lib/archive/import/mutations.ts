// The import's one transaction, in one pass over the archive: what comes before the record (rows, the origin's keys
// and checkpoints) is written when the record begins, each batch of events as the verifier accepts it, then where the
// space came from and the import's own event. Anything short of an OK verdict throws, so the transaction rolls back and
// an archive that does not verify changes nothing.
import "server-only";
import { db } from "@/lib/db";
import type { ArchiveHeader } from "@/lib/archive/format";
import { insertCheckpoints, insertRows } from "@/lib/archive/import/insert-rows";
import { insertEventLines } from "@/lib/archive/import/mutations/event-lines";
import type { ArchiveRows } from "@/lib/archive/rows";
import { verifyArchive, type ArchiveOutcome, type ArchiveVerifyOptions, type VerifiedArchive } from "@/lib/archive/verify";
import { appendEvent } from "@/lib/record/append";
import { deferSearchRows, resumeSearchRows } from "@/lib/record/mutations/search";

/** A mirror's catch-up read its source twice and found it changed (lib/archive/mirror/mutations.ts). */
export class SourceChanged extends Error {}

/** Rolls the import back: the archive did not verify, or a conflict was found (as checkConflicts answered). */
export class ImportRolledBack<T> extends Error {
  constructor(readonly outcome: ArchiveOutcome, readonly conflict: T | null) {
    super("import rolled back");
  }
}

export type WriteImport<T> = {
  input: AsyncIterable<Uint8Array | string>;
  verify: ArchiveVerifyOptions;
  mode: "mirror" | "fork";
  /** The slug here; null keeps the origin's. */
  slug: string | null;
  following: boolean;
  actorId: string | null;
  /** Why this instance cannot take the archive (the space, its slug or a person already here), or null. */
  checkConflicts: (rows: ArchiveRows, slug: string) => Promise<T | null>;
};

export async function writeImport<T>({ input, verify, mode, slug, following, actorId, checkConflicts }: WriteImport<T>): Promise<{ archive: VerifiedArchive; slug: string }> {
  return db.$transaction(
    async (tx) => {
      let conflict: T | null = null;
      let logId: string | null = null;
      let writing: Promise<void> = Promise.resolve();
      const sink = {
        async beforeRecord(header: ArchiveHeader, rows: ArchiveRows) {
          const space = rows.space[0];
          // No space row: nothing to write; the verdict will name the problem.
          if (!space) return;
          conflict = await checkConflicts(rows, slug ?? space.slug);
          if (conflict) return;
          await insertRows(tx, rows, space.id, slug ?? space.slug);
          await insertCheckpoints(tx, rows, space.id, header.origin.instance);
          // Search rows are written after commit, in batches (lib/record/mutations/search.ts).
          await deferSearchRows(tx);
          logId = space.id;
        },
        // One batch is written while the verifier reads and judges the next: Postgres and this thread work at once.
        async events(lines: string[]) {
          if (!logId) return;
          await writing;
          writing = insertEventLines(tx, logId, lines);
          writing.catch(() => {});
        },
      };
      let outcome: ArchiveOutcome;
      try {
        outcome = await verifyArchive(input, verify, sink);
      } finally {
        // Never leave a statement running on the transaction it is about to end.
        await writing.catch(() => {});
      }
      // A bad archive is refused before a conflict is named, as when verification came first.
      if (!outcome.ok || conflict || !logId) throw new ImportRolledBack(outcome, conflict);
      await writing;
      const { header, checkpoint } = outcome;
      const spaceId: string = logId;
      await resumeSearchRows(tx, spaceId);
      const origin = { origin: header.origin.instance, originSlug: header.origin.slug, checkpointSize: checkpoint.size, rootHash: checkpoint.rootHash };
      await tx.spaceOrigin.create({ data: { spaceId, mode, instance: origin.origin, originSlug: origin.originSlug, checkpointSize: checkpoint.size, rootHash: checkpoint.rootHash, following } });
      if (mode === "fork") {
        // The fork's own log goes on from the imported root: this event takes the first position after it.
        await appendEvent(tx, { spaceId, actorId, type: "space.forked", subject: { spaceId }, data: origin });
      } else {
        // A mirror's log must stay its origin's: its import is recorded in the instance log.
        await appendEvent(tx, { spaceId: null, actorId, type: "mirror.started", subject: { spaceId }, data: { ...origin, following } });
      }
      return { archive: outcome, slug: slug ?? outcome.rows.space[0]!.slug };
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}
