// Offline verification of an events.ndjson export: every leaf, the root, the signed checkpoint, and
// consistency with an older checkpoint or export. Pure (no database, no network), so it can be audited alone.
//
// Export format (docs/record.md): one JSON object per line.
//   {"seq":0,"leafHash":"<hex>","hash":"<hex>","event":{...the event's content, "v":1...}}   one per event, seq 0, 1, 2, ...
//   {"checkpoint":{"origin","size","rootHash","timestamp","signature","keyId"},"publicKey":"<base64>"}   last line
// leafHash = SHA-256(0x00 || RFC 8785 canonical JSON of event); hash (the receipt) = SHA-256(canonical JSON).
// What one line must be is in verify-line.ts; this file puts the lines in order, builds the tree and gives the verdict.
import { keyIdFromPublicKey, verifyCheckpoint, type SignedCheckpoint } from "@/lib/record/checkpoint";
import { bytesToHex, HASH_SIZE, MerkleFrontier } from "@/lib/record/merkle";
import { examineLine, type EventCheck, type EventLine, type ExaminedLine } from "@/lib/record/verify-line";

export type ExportCheckpoint = SignedCheckpoint & { keyId: string; note?: string };
export type CheckpointLine = { checkpoint: ExportCheckpoint; publicKey?: string };
export type { EventLine };

/** What the new export is checked against: an older checkpoint, and the older export's leaves when available. */
export type OlderReference = { checkpoint: ExportCheckpoint; publicKey?: string; leaves?: string[] };

/** What the verifier found of committed texts: how many opened their commitments, and why the others are gone. */
export type TextFindings = { verified: number; erased: string[] };

export type VerifyOutcome =
  | { ok: true; summary: string; size: number; rootHash: string; texts: TextFindings }
  | { ok: false; reason: string; seq?: number };

function eventName(seq: number, event: unknown): string {
  const e = event as { id?: unknown; type?: unknown } | null;
  return `event ${seq}${e && typeof e.id === "string" ? ` (${String(e.type)} ${e.id})` : ""}`;
}

function parseCheckpointLine(value: Record<string, unknown>): CheckpointLine | null {
  const cp = value.checkpoint as Record<string, unknown> | undefined;
  if (!cp || typeof cp !== "object" || typeof cp.keyId !== "string") return null;
  return { checkpoint: cp as unknown as ExportCheckpoint, publicKey: typeof value.publicKey === "string" ? value.publicKey : undefined };
}

/** Reads an older reference: a checkpoint JSON ({checkpoint, publicKey} or the bare checkpoint) or a whole older export. */
export function parseReference(text: string): OlderReference | { error: string } {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  try {
    if (lines.length === 1 || text.trimStart().startsWith("{\n")) {
      const value = JSON.parse(text) as Record<string, unknown>;
      const line = parseCheckpointLine(value) ?? parseCheckpointLine({ checkpoint: value });
      return line ?? { error: "The older checkpoint file is not a checkpoint (origin, size, rootHash, timestamp, signature, keyId)." };
    }
    const last = parseCheckpointLine(JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>);
    if (!last) return { error: "The older export does not end with a checkpoint line." };
    const leaves = lines.slice(0, -1).map((l) => (JSON.parse(l) as EventLine).leafHash);
    return { ...last, leaves };
  } catch {
    return { error: "The older checkpoint file is not JSON or NDJSON." };
  }
}

const problems: Record<NonNullable<EventCheck["problem"]>, (name: string, event: unknown, detail?: string) => string> = {
  content: (name) => `${name} has no event content.`,
  version: (name, event) => `${name} has an unknown format version ${String((event as { v?: unknown }).v)}.`,
  leaf: (name) => `${name} does not match its leaf hash: its content was changed after it was recorded.`,
  receipt: (name) => `${name} does not match its receipt hash.`,
  catalog: (name, _event, detail) => `${name} does not match the event catalog: ${detail ?? "unknown reason"}.`,
  text: (name, _event, detail) => `${name} ${detail ?? "carries a text that does not match its commitment"}.`,
};

const day = (at: string) => at.slice(0, 10);

/** How an erasure reads in the verifier's report. */
function erasedBecause(e: NonNullable<EventCheck["erasure"]>): string {
  return e.type === "comment.redacted" ? `redacted on ${day(e.at)} by ${e.by}: ${e.reason}` : `deleted by its author on ${day(e.at)}`;
}

export class ExportVerifier {
  #frontier = new MerkleFrontier();
  #final: CheckpointLine | null = null;
  #failure: VerifyOutcome | null = null;
  #olderRootChecked = false;
  /** Committed texts: how many opened their commitment, the events whose text is missing, and the erasures seen. */
  #textsVerified = 0;
  #missingTexts: Array<{ name: string; commentId: string }> = [];
  #erasures = new Map<string, NonNullable<EventCheck["erasure"]>>();

  constructor(private readonly options: { key?: string; older?: OlderReference } = {}) {}

  #fail(reason: string, seq?: number): false {
    this.#failure ??= { ok: false, reason, seq };
    return false;
  }

  /** Feeds one line; returns false once the export is known to be bad (the first problem is kept). */
  addLine(text: string): boolean {
    return this.#accept(examineLine(text));
  }

  #accept(line: ExaminedLine): boolean {
    if (this.#failure) return false;
    if (line.kind === "blank") return true;
    const seq = this.#frontier.size;
    if (this.#final) return this.#fail("There is content after the checkpoint line, which must be last.");
    if (line.kind === "invalid") return this.#fail(`The line after event ${seq - 1} is not ${line.what}.`, seq);
    if (line.kind === "checkpoint") {
      this.#final = parseCheckpointLine(line.value);
      return this.#final ? true : this.#fail("The checkpoint line is malformed.");
    }
    const { check } = line;
    if (check.seq !== seq) {
      return this.#fail(
        typeof check.seq === "number" && check.seq > seq
          ? `${eventName(seq, null)} is missing: the next line is event ${check.seq} (deleted or reordered).`
          : `Expected event ${seq}, found seq ${String(check.seq)} (events reordered or duplicated).`,
        seq,
      );
    }
    if (check.problem) return this.#fail(problems[check.problem](eventName(seq, check.event), check.event, check.detail), seq);
    if (!this.#appendLeaf(Buffer.from(check.leafHex, "hex"))) {
      return this.#fail(`${eventName(seq, check.event)} differs from the same position in the older export: history was rewritten from here.`, seq);
    }
    if (check.committed?.disclosed) this.#textsVerified++;
    else if (check.committed) this.#missingTexts.push({ name: eventName(seq, check.event), commentId: check.committed.commentId });
    if (check.erasure) this.#erasures.set(check.erasure.commentId, check.erasure);
    return true;
  }

  /**
   * Appends leaves already checked by examineLine (32 bytes each) for the events firstSeq, firstSeq + 1, ...
   * Returns how many it took: it stops where addLine must explain something (a gap, a rewritten leaf, a failure).
   */
  addCheckedLeaves(firstSeq: number, leaves: Uint8Array): number {
    if (this.#failure || this.#final || firstSeq !== this.#frontier.size) return 0;
    const count = leaves.length / HASH_SIZE;
    for (let i = 0; i < count; i++) {
      if (this.#failure || !this.#appendLeaf(leaves.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE))) return i;
    }
    return count;
  }

  /** False, appending nothing, when an older export has a different leaf at this position. */
  #appendLeaf(leaf: Uint8Array): boolean {
    const seq = this.#frontier.size;
    const older = this.options.older;
    if (older?.leaves && seq < older.leaves.length && older.leaves[seq] !== bytesToHex(leaf)) return false;
    this.#frontier.append(leaf);
    if (older && this.#frontier.size === older.checkpoint.size) this.#checkOlderRoot();
    return true;
  }

  #checkOlderRoot(): void {
    this.#olderRootChecked = true;
    const older = this.options.older!.checkpoint;
    const root = bytesToHex(this.#frontier.root());
    if (root !== older.rootHash) {
      this.#fail(
        `The first ${older.size} events do not produce the older checkpoint's root (${older.rootHash.slice(0, 16)}…, got ${root.slice(0, 16)}…): ` +
          `some event before ${older.size} was changed, removed or reordered (pass the older export instead of its checkpoint to name it).`,
      );
    }
  }

  #checkSignature(line: CheckpointLine, what: string): string | null {
    const key = this.options.key ?? line.publicKey;
    if (!key) return `The ${what} cannot be checked: no public key (pass --key).`;
    const keyId = keyIdFromPublicKey(key);
    if (!keyId.ok) return keyId.reason;
    if (keyId.value !== line.checkpoint.keyId) return `The ${what} names key ${line.checkpoint.keyId}, not the given key ${keyId.value}.`;
    const verified = verifyCheckpoint(line.checkpoint, key);
    return verified.ok ? null : `The ${what}'s signature is invalid: ${verified.reason}`;
  }

  /** Every text missing from the export must have been erased by a later deletion or redaction, which says why. */
  #textFindings(): { ok: true; findings: TextFindings } | { ok: false; outcome: VerifyOutcome } {
    const erased: string[] = [];
    for (const missing of this.#missingTexts) {
      const erasure = this.#erasures.get(missing.commentId);
      if (!erasure) {
        return { ok: false, outcome: { ok: false, reason: `${missing.name} commits to a text that the export does not carry, and no later deletion or redaction of comment ${missing.commentId} explains it: the text was withheld.` } };
      }
      erased.push(`${missing.name}: ${erasedBecause(erasure)}`);
    }
    return { ok: true, findings: { verified: this.#textsVerified, erased } };
  }

  /** The export's checkpoint line once read (for checks beyond the export itself, e.g. witness cosignatures). */
  get checkpointLine(): CheckpointLine | null {
    return this.#final;
  }

  finish(): VerifyOutcome {
    if (this.#failure) return this.#failure;
    const final = this.#final;
    if (!final) return { ok: false, reason: "The export does not end with a signed checkpoint line (truncated?)." };
    const size = this.#frontier.size;
    const root = bytesToHex(this.#frontier.root());
    const cp = final.checkpoint;
    if (cp.size !== size) return { ok: false, reason: `The checkpoint covers ${cp.size} events but the export has ${size}.`, seq: Math.min(cp.size, size) };
    if (cp.rootHash !== root) {
      return { ok: false, reason: `The events produce root ${root.slice(0, 16)}… but the checkpoint signs ${String(cp.rootHash).slice(0, 16)}…: the log was changed after it was signed.` };
    }
    const badSignature = this.#checkSignature(final, "checkpoint");
    if (badSignature) return { ok: false, reason: badSignature };
    let against = "";
    const older = this.options.older;
    if (older) {
      if (older.checkpoint.size > size) return { ok: false, reason: `The older checkpoint covers ${older.checkpoint.size} events but the export only ${size}: events were removed.`, seq: size };
      if (!this.#olderRootChecked) this.#checkOlderRoot();
      if (this.#failure) return this.#failure;
      const badOld = this.#checkSignature({ checkpoint: older.checkpoint, publicKey: older.publicKey ?? final.publicKey }, "older checkpoint");
      if (badOld) return { ok: false, reason: badOld };
      against = `; consistent with the older checkpoint of ${older.checkpoint.size} events`;
    }
    const texts = this.#textFindings();
    if (!texts.ok) return texts.outcome;
    const pinned = this.options.key ? "the given key" : "the key in the export (pin it with --key)";
    const textLine = texts.findings.verified + texts.findings.erased.length > 0 ? ` ${texts.findings.verified} committed texts match their commitments; ${texts.findings.erased.length} erased.` : "";
    return {
      ok: true,
      size,
      rootHash: root,
      texts: texts.findings,
      summary: `OK: ${size} events verified, root ${root}, checkpoint of ${cp.timestamp} signed by key ${cp.keyId} with ${pinned}${against}.${textLine}`,
    };
  }
}
