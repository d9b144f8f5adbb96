// Importing a space archive, as a read-only mirror or as a fork that governs on. One pass over the archive: it is
// verified completely (lib/archive/verify.ts) while it is written inside one transaction (mutations.ts), which rolls
// back unless the verdict is OK, so an archive that does not verify changes nothing.
import "server-only";
import { isUniqueViolation } from "@/lib/db-errors";
import { nativePersonAmong, slugTaken, spaceIdTaken } from "@/lib/archive/import/data";
import { ImportRolledBack, writeImport } from "@/lib/archive/import/mutations";
import { importArchiveInput } from "@/lib/archive/import/schema";
import type { ArchiveRows } from "@/lib/archive/rows";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";

/** Opens the archive's bytes; read once. */
export type ArchiveSource = () => AsyncIterable<Uint8Array | string>;
export type ImportedSpace = { spaceId: string; slug: string; mode: "mirror" | "fork"; checkpointSize: number; rootHash: string; summary: string };

async function conflicts(rows: ArchiveRows, slug: string): Promise<Result<never> | null> {
  const space = rows.space[0]!;
  if (await spaceIdTaken(space.id)) return fail("SPACE_EXISTS", `This instance already holds space ${space.id} (imported or created here before); nothing was imported.`, "conflict");
  if (await slugTaken(slug)) return fail("SLUG_TAKEN", `The slug '${slug}' is taken on this instance: import with another slug.`, "conflict", { slug: ["This slug is taken"] });
  const native = await nativePersonAmong(rows.people.map((p) => p.id));
  if (native) return fail("PERSON_EXISTS", `Person ${native} of the archive is already someone of this instance who did not arrive with an archive; nothing was imported.`, "conflict");
  return null;
}

/**
 * Verifies and imports an archive. `actorId` is who asked (null: an operator's command, which has the database's
 * credentials and so no policy to ask); the import's own event is the fork's first `space.forked`, or `mirror.started`.
 */
export async function importArchive(
  source: ArchiveSource,
  rawInput: unknown,
  { actorId = null, maxBytes, threads }: { actorId?: string | null; maxBytes?: number; threads?: number } = {},
): Promise<Result<ImportedSpace>> {
  const parsed = parseInput(importArchiveInput, rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  let imported;
  try {
    imported = await writeImport({
      input: source(),
      verify: { key: input.key, maxBytes, threads },
      mode: input.mode,
      slug: input.slug ?? null,
      following: input.mode === "mirror" && input.follow,
      actorId,
      checkConflicts: conflicts,
    });
  } catch (error) {
    if (error instanceof ImportRolledBack) {
      const { outcome, conflict } = error as ImportRolledBack<Result<never>>;
      if (!outcome.ok) return fail("ARCHIVE_REFUSED", outcome.reason, "invalid");
      if (conflict) return conflict;
      return fail("ARCHIVE_REFUSED", "The archive has no space row.", "invalid");
    }
    if (isUniqueViolation(error)) return fail("ALREADY_HERE", "Some of the archive's events or rows are already recorded on this instance; nothing was imported.", "conflict");
    throw error;
  }
  const { archive, slug } = imported;
  const { header, checkpoint } = archive;
  return ok({
    spaceId: archive.rows.space[0]!.id,
    slug,
    mode: input.mode,
    checkpointSize: checkpoint.size,
    rootHash: checkpoint.rootHash,
    summary: `Imported ${header.origin.instance}/s/${header.origin.slug} as a ${input.mode} at /s/${slug}, verified to checkpoint ${checkpoint.size} (root ${checkpoint.rootHash.slice(0, 16)}…).`,
  });
}
