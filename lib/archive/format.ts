// The space archive format (docs/preserve-archive.md): one NDJSON file of named sections and a closing manifest.
// Pure: shared by the exporter, the offline verifier and the importer.
import { createHash, type Hash } from "node:crypto";
import { z } from "zod";

export const ARCHIVE_FORMAT = "commonweights-archive";
/** Bumped on any change a reader must know about; a reader refuses a newer version than its own. */
export const ARCHIVE_VERSION = 2;

/**
 * Sections in the order they are written. Domain rows come before the record so that a streaming reader knows what
 * to look for in the events; checkpoints come before the record so each can be checked against its prefix of the log.
 * Later parts are new names in a new version: a reader refuses a section its version, or the archive's, does not know.
 */
export const sectionNames = [
  "space",
  "people",
  "members",
  "charters",
  "releases",
  "artifacts",
  "components",
  "links",
  "audits",
  "findings",
  "finding_transitions",
  "reviews",
  "decisions",
  "ballots",
  "proposals",
  "concerns",
  "comments",
  "comment_versions",
  "keys",
  "checkpoints",
  "record",
] as const;
export type SectionName = (typeof sectionNames)[number];

/** The sections each format version added; an archive of version n holds only those of versions up to n. */
const addedIn: Partial<Record<SectionName, number>> = { proposals: 2, concerns: 2, comments: 2, comment_versions: 2 };

/** Whether an archive of `version` may hold the section (version 1 archives have no discussions, and still import). */
export function sectionInVersion(name: SectionName, version: number): boolean {
  return (addedIn[name] ?? 1) <= version;
}

export const headerSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.int().positive(),
  exportedAt: z.iso.datetime(),
  origin: z.strictObject({
    instance: z.string().min(1).max(500).describe("The exporting instance's address, e.g. https://governance.example.org"),
    spaceId: z.string().min(1).max(100),
    slug: z.string().min(1).max(100),
  }),
});
export type ArchiveHeader = z.infer<typeof headerSchema>;

export const sectionLineSchema = z.strictObject({ section: z.string() });

const sectionDigest = z.strictObject({ name: z.enum(sectionNames), lines: z.int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const manifestSchema = z.strictObject({ manifest: z.strictObject({ sections: z.array(sectionDigest) }) });
export type SectionDigest = z.infer<typeof sectionDigest>;

/** The sha256 of a section is over its row lines exactly as written, each with its "\n" (not the section line). */
export class SectionHasher {
  #hash: Hash = createHash("sha256");
  lines = 0;
  constructor(readonly name: SectionName) {}
  add(line: string): void {
    this.#hash.update(line).update("\n");
    this.lines++;
  }
  /** Several lines at once, joined by "\n" (the same digest as adding them one by one). */
  addBlock(text: string, lines: number): void {
    this.#hash.update(text).update("\n");
    this.lines += lines;
  }
  digest(): SectionDigest {
    return { name: this.name, lines: this.lines, sha256: this.#hash.digest("hex") };
  }
}

/** JSON of a database row: dates as ISO 8601, bigints as decimal strings (JSON numbers would lose precision). */
export function rowJson(row: object): string {
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

/** The largest archive an instance reads, in bytes (CW_ARCHIVE_MAX_BYTES; default 2 GiB, about 4 million events). */
export function archiveMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.CW_ARCHIVE_MAX_BYTES ?? 2 * 1024 ** 3);
  return Number.isFinite(value) && value > 0 ? value : 2 * 1024 ** 3;
}
