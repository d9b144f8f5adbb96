// Ed25519 cosignature/v1 (c2sp.org/tlog-cosignature): a witness's timestamped statement about a checkpoint body.
// Pure; used by the witness client to check what it gets back, by the offline verifier, and by the test witness.
import { sign, verify, type KeyObject } from "node:crypto";
import { COSIGNATURE_V1, ed25519PublicKey, noteKeyId, rawEd25519PublicKey, signatureLine, type NoteSignature, type Vkey } from "@/lib/record/note";

/** "cosignature/v1\ntime <t>\n" followed by the whole checkpoint body (with its final newline). */
export function cosignedMessage(body: string, time: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${time}\n${body}`, "utf8");
}

/** A cosignature line by a witness key (the test witness and any tool that cosigns use this). */
export function cosignBody(body: string, name: string, privateKey: KeyObject, time: number): string {
  if (!Number.isSafeInteger(time) || time < 0) throw new RangeError("A cosignature time is a whole number of seconds.");
  const keyId = noteKeyId(name, COSIGNATURE_V1, rawEd25519PublicKey(privateKey));
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  return signatureLine(name, keyId, Buffer.concat([stamp, sign(null, cosignedMessage(body, time), privateKey)]));
}

/** The cosignature's time (POSIX seconds) when the line is a valid cosignature/v1 by this witness key, else null. */
export function verifyCosignature(body: string, sig: NoteSignature, vkey: Vkey): number | null {
  if (vkey.type !== COSIGNATURE_V1 || sig.name !== vkey.name || sig.keyId !== vkey.keyId || sig.signature.length !== 72) return null;
  const stamp = sig.signature.readBigUInt64BE(0);
  if (stamp > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const time = Number(stamp);
  return verify(null, cosignedMessage(body, time), ed25519PublicKey(vkey.publicKey), sig.signature.subarray(8)) ? time : null;
}
