// The latest checkpoint of a log as a C2SP signed note, and the log's verifier key (vkey), for /s/<slug>/checkpoint.
import "server-only";
import { checkpointAt, latestCheckpoint } from "@/lib/record/data";
import { signMissingNote } from "@/lib/record/mutations";
import { formatVkey, rawEd25519PublicKey } from "@/lib/record/note";
import { newLogOrigin } from "@/lib/record/origin";
import { instanceKey } from "@/lib/record/signing-key";

/** The first line of a note: the log's origin. */
export const noteOrigin = (note: string): string => note.slice(0, note.indexOf("\n"));

/** The latest signed note of the log, signing one first for a checkpoint sealed before notes were; null on an empty log. */
export async function latestNote(logId: string): Promise<string | null> {
  const latest = await latestCheckpoint(logId);
  if (!latest) return null;
  if (latest.note) return latest.note;
  await signMissingNote(logId, latest.size, await instanceKey());
  return (await checkpointAt(logId, latest.size))?.note ?? null;
}

/**
 * `<origin>+<key ID>+<key>`: the instance key under the log's origin as key name (c2sp.org/tlog-checkpoint: the
 * key name SHOULD match the origin), so witnesses and Go's sumdb/note verify the log's notes with it.
 */
export async function logVkey(logId: string, slug: string | null): Promise<string> {
  const [key, latest] = await Promise.all([instanceKey(), latestCheckpoint(logId)]);
  const origin = latest?.note ? noteOrigin(latest.note) : newLogOrigin(slug);
  return formatVkey(origin, rawEd25519PublicKey(key.privateKey));
}
