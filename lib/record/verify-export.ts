// Offline verification of an events.ndjson export: every leaf, the root, the signed checkpoint, and
// consistency with an older checkpoint or export. Pure (no database, no network), so it can be audited alone.
//
// Export format (docs/record.md): one JSON object per line.
//   {"seq":0,"leafHash":"<hex>","hash":"<hex>","event":{...the event's content, "v":1...}}   one per event, seq 0, 1, 2, ...
//   {"checkpoint":{"origin","size","rootHash","timestamp","signature","keyId"},"publicKey":"<base64>"}   last line
// leafHash = SHA-256(0x00 || RFC 8785 canonical JSON of event); hash (the receipt) = SHA-256(canonical JSON).
import { hash as oneShotHash } from "node:crypto";
import canonicalize from "canonicalize";
import { keyIdFromPublicKey, verifyCheckpoint, type SignedCheckpoint } from "@/lib/record/checkpoint";
import { bytesToHex, MerkleFrontier } from "@/lib/record/merkle";

export type ExportCheckpoint = SignedCheckpoint & { keyId: string };
export type CheckpointLine = { checkpoint: ExportCheckpoint; publicKey?: string };
export type EventLine = { seq: number; leafHash: string; hash: string; event: Record<string, unknown> };

/** What the new export is checked against: an older checkpoint, and the older export's leaves when available. */
export type OlderReference = { checkpoint: ExportCheckpoint; publicKey?: string; leaves?: string[] };

export type VerifyOutcome =
  | { ok: true; summary: string; size: number; rootHash: string }
  | { ok: false; reason: string; seq?: number };

const LEAF_PREFIX = Buffer.from([0x00]);
// One-shot hashing: the verifier hashes every event, and crypto.hash avoids a Hash object per call.
const sha256 = (bytes: Buffer): Buffer => oneShotHash("sha256", bytes, "buffer") as unknown as Buffer;
const isHex64 = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{64}$/.test(v);

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

export class ExportVerifier {
  #frontier = new MerkleFrontier();
  #final: CheckpointLine | null = null;
  #failure: VerifyOutcome | null = null;
  #olderRootChecked = false;

  constructor(private readonly options: { key?: string; older?: OlderReference } = {}) {}

  #fail(reason: string, seq?: number): false {
    this.#failure ??= { ok: false, reason, seq };
    return false;
  }

  /** Feeds one line; returns false once the export is known to be bad (the first problem is kept). */
  addLine(text: string): boolean {
    if (this.#failure) return false;
    if (text.trim() === "") return true;
    const seq = this.#frontier.size;
    if (this.#final) return this.#fail("There is content after the checkpoint line, which must be last.");
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return this.#fail(`The line after event ${seq - 1} is not JSON.`, seq);
    }
    if ("checkpoint" in value) {
      this.#final = parseCheckpointLine(value);
      return this.#final ? true : this.#fail("The checkpoint line is malformed.");
    }
    const line = value as unknown as EventLine;
    if (line.seq !== seq) {
      return this.#fail(
        typeof line.seq === "number" && line.seq > seq
          ? `${eventName(seq, null)} is missing: the next line is event ${line.seq} (deleted or reordered).`
          : `Expected event ${seq}, found seq ${String(line.seq)} (events reordered or duplicated).`,
        seq,
      );
    }
    const canonical = canonicalize(line.event);
    if (!line.event || typeof line.event !== "object" || canonical === undefined) return this.#fail(`${eventName(seq, line.event)} has no event content.`, seq);
    if (line.event.v !== 1) return this.#fail(`${eventName(seq, line.event)} has an unknown format version ${String(line.event.v)}.`, seq);
    const bytes = Buffer.from(canonical, "utf8");
    const leaf = sha256(Buffer.concat([LEAF_PREFIX, bytes]));
    const leafHex = leaf.toString("hex");
    if (!isHex64(line.leafHash) || leafHex !== line.leafHash) {
      return this.#fail(`${eventName(seq, line.event)} does not match its leaf hash: its content was changed after it was recorded.`, seq);
    }
    if (line.hash !== undefined && sha256(bytes).toString("hex") !== line.hash) {
      return this.#fail(`${eventName(seq, line.event)} does not match its receipt hash.`, seq);
    }
    const older = this.options.older;
    if (older?.leaves && seq < older.leaves.length && older.leaves[seq] !== leafHex) {
      return this.#fail(`${eventName(seq, line.event)} differs from the same position in the older export: history was rewritten from here.`, seq);
    }
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
    const pinned = this.options.key ? "the given key" : "the key in the export (pin it with --key)";
    return {
      ok: true,
      size,
      rootHash: root,
      summary: `OK: ${size} events verified, root ${root}, checkpoint of ${cp.timestamp} signed by key ${cp.keyId} with ${pinned}${against}.`,
    };
  }
}
