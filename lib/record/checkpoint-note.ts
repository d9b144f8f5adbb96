// The latest checkpoint of a log as a C2SP signed note, and the log's verifier key (vkey), for /s/<slug>/checkpoint.
import "server-only";
import { checkpointAt, checkpointSigner, latestCheckpoint } from "@/lib/record/data";
import { logOrigin, signMissingNote } from "@/lib/record/mutations";
import { formatVkey, rawEd25519PublicKey } from "@/lib/record/note";
import { instanceKey } from "@/lib/record/signing-key";

/** The first line of a note: the log's origin. */
export const noteOrigin = (note: string): string => note.slice(0, note.indexOf("\n"));

/** The latest signed note of the log, signing one first for a checkpoint sealed before notes were; null on an empty log. */
export async function latestNote(logId: string): Promise<string | null> {
  const latest = await latestCheckpoint(logId);
  if (!latest) return null;
  if (latest.note) return latest.note;
  // A checkpoint an origin signed before notes were (an imported one) stays without a note: ours would forge theirs.
  if ((await checkpointSigner(latest.keyId))?.importedFrom) return null;
  await signMissingNote(logId, latest.size, await instanceKey());
  return (await checkpointAt(logId, latest.size))?.note ?? null;
}

/**
 * `<origin>+<key ID>+<key>`: the key that signs the log's notes, under the log's origin as key name
 * (c2sp.org/tlog-checkpoint: the key name SHOULD match the origin), so witnesses and Go's sumdb/note verify them.
 * A mirror's notes are its origin's: the origin's key, under the origin's name, never ours. Every other log (the
 * instance's, a space's, a fork's own continuation) is signed here: this instance's key under the log's own origin.
 * Null for a mirror whose origin signed no note.
 */
export async function logVkey(logId: string, { mirror = false }: { mirror?: boolean } = {}): Promise<string | null> {
  if (mirror) {
    const latest = await latestCheckpoint(logId);
    const signer = latest?.note ? await checkpointSigner(latest.keyId) : null;
    // An origin that signed no note (an older instance) has no vkey to give.
    if (!latest?.note || !signer) return null;
    return formatVkey(noteOrigin(latest.note), Buffer.from(signer.publicKey, "base64"));
  }
  const [key, origin] = await Promise.all([instanceKey(), logOrigin(undefined, logId)]);
  return formatVkey(origin, rawEd25519PublicKey(key.privateKey));
}
