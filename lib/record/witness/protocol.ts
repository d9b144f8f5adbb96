// The client side of c2sp.org/tlog-witness, pure: the add-checkpoint request body and the reading of the answers.
import { parseNote, type NoteSignature } from "@/lib/record/note";
import { verifyCosignature } from "@/lib/record/witness/cosignature";
import type { Witness } from "@/lib/record/witness/config";

/** `old <size>`, one base64 consistency proof hash per line, a blank line, then the checkpoint note. */
export function addCheckpointRequest(oldSize: number, proofHex: string[], note: string): string {
  if (proofHex.length > 63) throw new RangeError("A tlog-witness request carries at most 63 proof hashes.");
  const proof = proofHex.map((h) => `${Buffer.from(h, "hex").toString("base64")}\n`).join("");
  return `old ${oldSize}\n${proof}\n${note}`;
}

/** The tree size in a 409 answer (text/x.tlog.size: a decimal and a newline), or null when it is not one. */
export function parseTlogSize(contentType: string | null, text: string): number | null {
  if (!contentType?.toLowerCase().startsWith("text/x.tlog.size")) return null;
  const match = /^(0|[1-9][0-9]{0,15})\n$/.exec(text);
  const size = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(size) ? size : null;
}

export type AcceptedCosignature = { line: string; keyId: string; time: number };

/**
 * The witness's valid cosignatures of `body` in a 200 answer (signature lines). Lines from other keys are ignored,
 * as the spec asks; a malformed answer or one without a valid cosignature by the witness's key is an error.
 */
export function readCosignatures(body: string, answer: string, witness: Witness): AcceptedCosignature[] | { error: string } {
  if (answer.length > 64 * 1024) return { error: "the answer is larger than 64 KiB" };
  const parsed = parseNote(`${body}\n${answer}`);
  if ("error" in parsed) return { error: `malformed answer (${parsed.error})` };
  const accepted: AcceptedCosignature[] = [];
  for (const sig of parsed.signatures as NoteSignature[]) {
    if (sig.name !== witness.name || sig.keyId !== witness.vkey.keyId) continue;
    const time = verifyCosignature(body, sig, witness.vkey);
    if (time === null) return { error: "a cosignature by the witness's key does not verify" };
    accepted.push({ line: sig.line, keyId: sig.keyId, time });
  }
  return accepted.length ? accepted : { error: "no cosignature by the witness's key in the answer" };
}
