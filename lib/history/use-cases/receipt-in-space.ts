// Looking up a vote receipt in a space's log.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { eventJson, openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { permalink } from "@/lib/history/use-cases/permalink";
import { findReceipt } from "@/lib/record/data";
import { fail, ok } from "@/lib/result";

/** A vote receipt (an event hash) in this space: the event, its position and its inclusion in the latest checkpoint. */
export async function receiptInSpace(actor: Actor | null, slug: string, hash: string) {
  const { space } = await openSpaceLog(actor, slug, { sequence: false });
  const found = await findReceipt(hash.trim().toLowerCase());
  if (!found || found.event.spaceId !== space.id) return fail("RECEIPT_NOT_FOUND", "No event in this space has that receipt.", "not_found");
  if (!found.position) return fail("NOT_SEQUENCED", "The event is recorded but not sequenced yet; try again in a moment.", "conflict");
  const view = await permalink(found.position.logId, found.position.seq);
  if (!view.ok) return view;
  const { seq, checkpoint, proof, verified, storedLeafHash } = view.data;
  return ok({ hash: found.event.hash, seq, leafHash: storedLeafHash, event: eventJson(found.event), proof, checkpoint, verified: verified.ok });
}
