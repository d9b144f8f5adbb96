// Offline verification of a space archive (docs/preserve-archive.md): its header and format version, each row's shape,
// the manifest's digests, the record (the events.ndjson verifier, unchanged), every stored checkpoint against its
// prefix of the log, and every domain row against the event that committed it. No database, no network. The line by
// line judge; verify.ts feeds it a byte stream, with the record's per-event work on worker threads.
import { firstMismatch } from "@/lib/archive/correspondence";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, headerSchema, manifestSchema, SectionHasher, sectionInVersion, sectionNames, type ArchiveHeader, type SectionDigest, type SectionName } from "@/lib/archive/format";
import type { FoldEvent } from "@/lib/archive/fold-event";
import { RecordFold } from "@/lib/archive/record-fold";
import { emptyRows, rowSchemas, type ArchiveRows, type RowSection } from "@/lib/archive/rows";
import { verifyCheckpoint } from "@/lib/record/checkpoint";
import { bytesToHex, hexToBytes, MerkleFrontier } from "@/lib/record/merkle";
import { ExportVerifier, type ExportCheckpoint } from "@/lib/record/verify-export";
import { HASH_SIZE } from "@/lib/record/merkle";
import type { CheckedBatch } from "@/lib/record/verify-worker";

export type VerifiedArchive = {
  ok: true;
  header: ArchiveHeader;
  rows: ArchiveRows;
  /** The record's latest signed checkpoint (the last line of its section) and the key it names. */
  checkpoint: ExportCheckpoint;
  publicKey: string;
  digests: SectionDigest[];
  summary: string;
};
export type ArchiveOutcome = VerifiedArchive | { ok: false; reason: string };

export type ArchiveVerifyOptions = {
  key?: string;
  maxBytes?: number;
  /** A following mirror's last checkpoint: the archive's first `size` events must produce this root. */
  prefix?: { size: number; rootHash: string };
  /**
   * Worker threads for the record's per-event checks; 0 (the default) checks all on this thread. Workers load
   * verify-worker.ts through tsx's loader, so only the command-line tools (npm run verify, npm run admin) ask for them.
   */
  threads?: number;
};

class Refusal extends Error {}
const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

/** The origin string every checkpoint of a space's log signs (lib/record/mutations.ts checkpointOrigin). */
const originOf = (spaceId: string) => `commonweights/log/${spaceId}`;

export class ArchiveVerifier {
  #header: ArchiveHeader | null = null;
  #section: SectionHasher | null = null;
  #sectionIndex = -1;
  #digests: SectionDigest[] = [];
  #manifest: SectionDigest[] | null = null;
  #rows = emptyRows();
  #fold = new RecordFold();
  #frontier = new MerkleFrontier();
  #checkpointsBySize = new Map<number, ExportCheckpoint>();
  #record: ExportVerifier;
  #lineNo = 0;
  #failure: string | null = null;

  constructor(private readonly options: ArchiveVerifyOptions = {}) {
    this.#record = new ExportVerifier({ key: options.key });
  }

  /** Inside the record section: its lines may go through addRecordBatch. */
  get inRecord(): boolean {
    return this.#section?.name === "record" && !this.#failure;
  }

  /** What was read before the record: the header and the rows (each row's shape and checkpoint signature checked). */
  get before(): { header: ArchiveHeader; rows: ArchiveRows } | null {
    return this.#header && { header: this.#header, rows: this.#rows };
  }

  /**
   * Record lines whose leading run a worker already examined (lib/record/verify-worker.ts): those take its leaves,
   * the others go through the record verifier's addLine, as addLine would. False once a problem is found.
   */
  addRecordBatch(lines: string[], { firstSeq, leaves }: CheckedBatch): boolean {
    const checked = leaves.length / HASH_SIZE;
    for (const [i, line] of lines.entries()) {
      if (!this.addLine(line, i < checked ? { seq: firstSeq + i, leaf: leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE) } : undefined)) return false;
    }
    return true;
  }

  /** False once a problem is found (finish() then names it). */
  addLine(line: string, checked?: { seq: number; leaf: Uint8Array }): boolean {
    if (this.#failure) return false;
    this.#lineNo++;
    try {
      this.#line(line, checked);
      return true;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.#failure = error.message;
      return false;
    }
  }

  #line(line: string, checked?: { seq: number; leaf: Uint8Array }): void {
    if (this.#manifest) refuse(`Line ${this.#lineNo} comes after the manifest, which must be the last line.`);
    if (!this.#header) return this.#readHeader(line);
    if (line.startsWith('{"section":') || line.startsWith('{"manifest":')) return this.#boundary(line);
    const section = this.#section ?? refuse(`Line ${this.#lineNo} is not inside a section.`);
    section.add(line);
    if (section.name === "record") return this.#recordLine(line, checked);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      refuse(`Line ${this.#lineNo} (section ${section.name}) is not valid JSON.`);
    }
    const parsed = rowSchemas[section.name as RowSection].safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refuse(`Row ${section.lines} of section ${section.name} is malformed (${issue?.path.join(".") || "row"}: ${issue?.message}).`);
    }
    (this.#rows[section.name as RowSection] as unknown[]).push(parsed.data);
    if (section.name === "checkpoints") this.#checkpointRow(parsed.data as ExportCheckpoint);
  }

  #readHeader(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      refuse("The first line is not JSON: this is not a Commonweights archive.");
    }
    const raw = (value ?? {}) as { format?: unknown; version?: unknown };
    if (raw.format !== ARCHIVE_FORMAT) refuse(`The first line does not say format "${ARCHIVE_FORMAT}": this is not a Commonweights archive.`);
    if (typeof raw.version === "number" && raw.version > ARCHIVE_VERSION) {
      refuse(`The archive is format version ${raw.version}; this instance reads versions up to ${ARCHIVE_VERSION}.`);
    }
    const header = headerSchema.safeParse(value);
    if (!header.success) refuse(`The archive's header is malformed (${header.error.issues[0]?.path.join(".")}: ${header.error.issues[0]?.message}).`);
    this.#header = header.data!;
  }

  #boundary(line: string): void {
    if (this.#section) this.#digests.push(this.#section.digest());
    if (line.startsWith('{"manifest":')) {
      const manifest = manifestSchema.safeParse(JSON.parse(line));
      if (!manifest.success) refuse("The manifest line is malformed.");
      this.#manifest = manifest.data!.manifest.sections;
      this.#section = null;
      return;
    }
    const name = (JSON.parse(line) as { section?: unknown }).section;
    const index = sectionNames.indexOf(name as SectionName);
    const version = this.#header!.version;
    if (index === -1 || !sectionInVersion(name as SectionName, version)) refuse(`The archive has a section '${String(name)}' that format version ${version} does not know.`);
    if (index <= this.#sectionIndex) refuse(`Section ${String(name)} is out of order or repeated.`);
    this.#sectionIndex = index;
    this.#section = new SectionHasher(name as SectionName);
  }

  #checkpointRow(cp: ExportCheckpoint): void {
    const key = this.#rows.keys.find((k) => k.keyId === cp.keyId);
    if (!key) refuse(`The checkpoint of size ${cp.size} names key ${cp.keyId}, which is not among the archive's keys.`);
    if (this.options.key && key!.publicKey !== this.options.key.trim()) refuse(`The checkpoint of size ${cp.size} is signed by key ${cp.keyId}, not by the given key.`);
    const signed = { ...cp, origin: originOf(this.#header!.origin.spaceId) };
    if (!verifyCheckpoint(signed, key!.publicKey).ok) refuse(`The checkpoint of size ${cp.size} is not signed by key ${cp.keyId} (a signature by another key, or an altered checkpoint).`);
    this.#checkpointsBySize.set(cp.size, cp);
  }

  #recordLine(line: string, checked?: { seq: number; leaf: Uint8Array }): void {
    // A leaf a worker computed is taken when it is the next one; otherwise addLine examines the line and explains.
    const taken = checked !== undefined && this.#record.addCheckedLeaves(checked.seq, checked.leaf) === 1;
    if (!taken && !this.#record.addLine(line)) refuse(this.#record.finish().ok ? "The record does not verify." : `The record does not verify: ${(this.#record.finish() as { reason: string }).reason}`);
    if (line.startsWith('{"checkpoint":')) return;
    const { seq, leafHash, hash, event, text } = JSON.parse(line) as { seq: number; leafHash: string; hash: string; event: FoldEvent & { space: unknown }; text?: unknown };
    if (event.space !== this.#header!.origin.spaceId) refuse(`Event ${seq} belongs to space ${String(event.space)}, not to the archived space.`);
    // What Postgres stores must hash the same: a lowercase uuid and a millisecond UTC time.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(event.id) || new Date(event.at).toISOString() !== event.at) {
      refuse(`Event ${seq} has an id or time this instance cannot store exactly.`);
    }
    this.#fold.add(event, hash, text !== undefined);
    this.#frontier.append(taken ? checked.leaf : hexToBytes(leafHash));
    const prefix = this.options.prefix;
    if (prefix && this.#frontier.size === prefix.size && bytesToHex(this.#frontier.root()) !== prefix.rootHash) {
      refuse(`History was rewritten: the archive's first ${prefix.size} events do not produce the root this mirror holds (${prefix.rootHash.slice(0, 16)}…).`);
    }
    const cp = this.#checkpointsBySize.get(this.#frontier.size);
    if (cp && bytesToHex(this.#frontier.root()) !== cp.rootHash) refuse(`The first ${cp.size} events do not produce the root of the archive's checkpoint of that size.`);
  }

  finish(): ArchiveOutcome {
    if (this.#failure) return { ok: false, reason: this.#failure };
    if (!this.#header) return { ok: false, reason: "The archive is empty." };
    if (!this.#manifest) return { ok: false, reason: "The archive ends before its manifest (truncated?)." };
    for (const [i, held] of this.#digests.entries()) {
      const said = this.#manifest[i];
      if (!said || said.name !== held.name || said.lines !== held.lines || said.sha256 !== held.sha256) {
        return { ok: false, reason: `Section ${held.name} does not match the manifest's digest (${held.lines} lines, sha256 ${held.sha256.slice(0, 12)}…).` };
      }
    }
    if (this.#manifest.length !== this.#digests.length) return { ok: false, reason: "The manifest lists sections the archive does not have." };
    const record = this.#record.finish();
    if (!record.ok) return { ok: false, reason: `The record does not verify: ${record.reason}` };
    if (this.options.prefix && record.size < this.options.prefix.size) {
      return { ok: false, reason: `History was rewritten: the archive has ${record.size} events, fewer than the ${this.options.prefix.size} this mirror holds.` };
    }
    const unmatched = [...this.#checkpointsBySize.keys()].find((size) => size > record.size);
    if (unmatched !== undefined) return { ok: false, reason: `The archive has a checkpoint of size ${unmatched}, beyond the record's ${record.size} events.` };
    const mismatch = firstMismatch(this.#rows, this.#fold, this.#header.version);
    if (mismatch) return { ok: false, reason: mismatch };
    const last = this.#lastCheckpoint();
    if (!last) return { ok: false, reason: "The record has no signed checkpoint." };
    if (last.checkpoint.size !== record.size) return { ok: false, reason: `The archive's latest checkpoint covers ${last.checkpoint.size} events, but its record has ${record.size}.` };
    const rows = Object.values(this.#rows).reduce((n, list) => n + list.length, 0);
    return {
      ok: true,
      header: this.#header,
      rows: this.#rows,
      checkpoint: last.checkpoint,
      publicKey: last.publicKey,
      digests: this.#digests,
      summary: `OK: archive of ${this.#header.origin.slug} (format ${this.#header.version}) from ${this.#header.origin.instance}: manifest digests match, ${record.summary.replace(/^OK: /, "")} ${rows} rows each match the event that committed them.`,
    };
  }

  #lastCheckpoint(): { checkpoint: ExportCheckpoint; publicKey: string } | null {
    const cps = [...this.#checkpointsBySize.values()].sort((a, b) => b.size - a.size);
    const cp = cps[0];
    const key = cp && this.#rows.keys.find((k) => k.keyId === cp.keyId);
    return cp && key ? { checkpoint: { ...cp, origin: originOf(this.#header!.origin.spaceId) }, publicKey: key.publicKey } : null;
  }
}
