// Genuine events.ndjson exports for the verifier's tests: events, their leaves and receipts, and a signed checkpoint.
import { canonicalEvent, sha256Hex, type EventContent } from "@/lib/record/canonical";
import { generateSigningKey, signCheckpoint } from "@/lib/record/checkpoint";
import { bytesToHex, hexToBytes, leafHash, rootFromLeafHashes } from "@/lib/record/merkle";

export const key = generateSigningKey();
export const other = generateSigningKey();

/** Event i: a catalogued ballot whose reason names it (and carries the note), so every event's hash differs. */
export function content(i: number, note = ""): EventContent {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    space: "s1",
    type: "ballot.cast",
    actor: `user-${i % 5}`,
    subject: { decisionId: "d1" },
    data: { choice: "+1", binding: true, reason: note ? `ballot ${i}: ${note}` : `ballot ${i}` },
    at: "2026-11-24T10:00:00.000Z",
  };
}

/** Event i's data with another reason (an edit the catalog allows, so only the hashes can catch it). */
export const withReason = (e: EventContent, reason: string): EventContent => ({ ...e, data: { ...e.data, reason } });

export const leafOf = (e: EventContent): string => bytesToHex(leafHash(new TextEncoder().encode(canonicalEvent(e))));
export const eventLine = (e: EventContent, seq: number): string => JSON.stringify({ seq, leafHash: leafOf(e), hash: sha256Hex(canonicalEvent(e)), event: { v: 1, ...e } });

/** The lines of an export of these events: one per event, then the checkpoint of the first `size` signed with `signWith`. */
export function exportOf(events: EventContent[], { signWith = key, size = events.length, timestamp = "2026-11-24T10:00:01.000Z" } = {}): string[] {
  const rootHash = bytesToHex(rootFromLeafHashes(events.slice(0, size).map((e) => hexToBytes(leafOf(e)))));
  const checkpoint = { ...signCheckpoint({ origin: "commonweights/log/s1", size, rootHash, timestamp }, signWith.privateKeyPem), keyId: signWith.keyId };
  return [...events.slice(0, size).map(eventLine), JSON.stringify({ checkpoint, publicKey: signWith.publicKeyRaw })];
}

export function exportLines(n: number, options: { signWith?: typeof key; size?: number } = {}): string[] {
  return exportOf(Array.from({ length: n }, (_, i) => content(i)), options);
}
