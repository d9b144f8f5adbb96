// The offline verifier's witness check: which of the trusted witnesses cosigned an export's checkpoint note, and
// whether that meets a policy ("--need 2"). Pure, like lib/record/verify-export.ts, which checks everything else.
import { ED25519, formatVkey, parseCheckpointNoteBody, parseNote, parseVkey, verifyNoteSignature } from "@/lib/record/note";
import type { Witness } from "@/lib/record/witness/config";
import { verifyCosignature } from "@/lib/record/witness/cosignature";

export type CosignedCheckpoint = { size: number; rootHash: string; note?: string };
export type WitnessVerdict = { ok: true; summary: string; cosigners: string[] } | { ok: false; reason: string };

/**
 * Checks that the note states the same tree as the signed JSON checkpoint and is signed by the log's key
 * (base64 raw Ed25519, named by the note's origin), then counts valid cosignatures by distinct trusted witnesses.
 */
export function checkWitnesses(cp: CosignedCheckpoint, publicKey: string, witnesses: Witness[], need: number): WitnessVerdict {
  if (!cp.note) return { ok: false, reason: "The checkpoint has no signed note, so it carries no cosignatures (sealed before notes?)." };
  const note = parseNote(cp.note);
  if ("error" in note) return { ok: false, reason: `The checkpoint note is malformed: ${note.error}` };
  const head = parseCheckpointNoteBody(note.body);
  if ("error" in head) return { ok: false, reason: `The checkpoint note is malformed: ${head.error}` };
  if (head.size !== cp.size || head.rootHash !== cp.rootHash) {
    return { ok: false, reason: `The checkpoint note states tree ${head.size} ${head.rootHash.slice(0, 16)}…, not the signed checkpoint's ${cp.size} ${cp.rootHash.slice(0, 16)}….` };
  }
  const raw = Buffer.from(publicKey, "base64");
  const logKey = raw.length === 32 ? parseVkey(formatVkey(head.origin, raw, ED25519)) : { error: "bad key" };
  if ("error" in logKey || !note.signatures.some((sig) => verifyNoteSignature(note.body, sig, logKey))) {
    return { ok: false, reason: `The checkpoint note is not signed by the log's key under its origin ${head.origin}.` };
  }
  const cosigners = witnesses
    .filter((w) => note.signatures.some((sig) => verifyCosignature(note.body, sig, w.vkey) !== null))
    .map((w) => w.name);
  const counted = `cosigned by ${cosigners.length} of ${witnesses.length} witnesses${cosigners.length ? ` (${cosigners.join(", ")})` : ""}`;
  if (cosigners.length < need) return { ok: false, reason: `The checkpoint is ${counted}; the policy needs ${need}.` };
  return { ok: true, summary: `Checkpoint ${counted}${need ? `, meeting the policy of ${need}` : ""}.`, cosigners };
}
