// Importing a space archive, as a read-only mirror or as a fork that governs on. The archive is verified completely
// first (lib/archive/verify.ts); then everything is written in one transaction (mutations.ts), so an archive that does
// not verify, or a source that changes while it is read, changes nothing.
import "server-only";
import { isUniqueViolation } from "@/lib/db-errors";
import { nativePersonAmong, slugTaken, spaceIdTaken } from "@/lib/archive/import/data";
import { SourceChanged, writeImport } from "@/lib/archive/import/mutations";
import { importArchiveInput } from "@/lib/archive/import/schema";
import { verifyArchive, type VerifiedArchive } from "@/lib/archive/verify";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";

/** Opens the archive's bytes; called twice (verify, then write), so a file or a buffer, not a one-shot stream. */
export type ArchiveSource = () => AsyncIterable<Uint8Array | string>;
export type ImportedSpace = { spaceId: string; slug: string; mode: "mirror" | "fork"; checkpointSize: number; rootHash: string; summary: string };

async function conflicts(archive: VerifiedArchive, slug: string): Promise<Result<never> | null> {
  const space = archive.rows.space[0]!;
  if (await spaceIdTaken(space.id)) return fail("SPACE_EXISTS", `This instance already holds space ${space.id} (imported or created here before); nothing was imported.`, "conflict");
  if (await slugTaken(slug)) return fail("SLUG_TAKEN", `The slug '${slug}' is taken on this instance: import with another slug.`, "conflict", { slug: ["This slug is taken"] });
  const native = await nativePersonAmong(archive.rows.people.map((p) => p.id));
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
  { actorId = null, maxBytes }: { actorId?: string | null; maxBytes?: number } = {},
): Promise<Result<ImportedSpace>> {
  const parsed = parseInput(importArchiveInput, rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const archive = await verifyArchive(source(), { key: input.key, maxBytes });
  if (!archive.ok) return fail("ARCHIVE_REFUSED", archive.reason, "invalid");
  const slug = input.slug ?? archive.rows.space[0]!.slug;
  const refused = await conflicts(archive, slug);
  if (refused) return refused;
  try {
    await writeImport({ archive, source, mode: input.mode, slug, following: input.mode === "mirror" && input.follow, actorId });
  } catch (error) {
    if (error instanceof SourceChanged) return fail("ARCHIVE_CHANGED", "The archive changed while it was being imported; nothing was imported.", "conflict");
    if (isUniqueViolation(error)) return fail("ALREADY_HERE", "Some of the archive's events or rows are already recorded on this instance; nothing was imported.", "conflict");
    throw error;
  }
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
