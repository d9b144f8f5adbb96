// One event at its position: its canonical form, leaf hash recomputed and inclusion in the latest checkpoint checked.
import "server-only";
import { canonicalEvent } from "@/lib/record/canonical";
import { eventAtSeq, latestCheckpoint, type LogCheckpoint, type StoredEvent } from "@/lib/record/data";
import { contentOf, leafHashOf } from "@/lib/record/event-content";
import { checkInclusion, proveInclusion } from "@/lib/record/proofs";
import { fail, ok, type Result } from "@/lib/result";

export type PermalinkView = {
  seq: number;
  event: StoredEvent;
  canonical: string;
  storedLeafHash: string;
  recomputedLeafHash: string;
  checkpoint: LogCheckpoint | null;
  proof: string[];
  verified: { ok: boolean; reason?: string };
};

export async function permalink(logId: string, seq: number): Promise<Result<PermalinkView>> {
  const row = await eventAtSeq(logId, seq);
  if (!row) return fail("EVENT_NOT_FOUND", `This log has no event at position ${seq}.`, "not_found");
  const checkpoint = await latestCheckpoint(logId);
  const canonical = canonicalEvent(contentOf(row));
  const recomputedLeafHash = leafHashOf(contentOf(row));
  let proof: string[] = [];
  let verified: PermalinkView["verified"] = { ok: false, reason: "No checkpoint covers this event yet." };
  if (checkpoint && seq < checkpoint.size) {
    const inclusion = await proveInclusion(logId, seq, checkpoint.size);
    proof = inclusion.proof;
    // Verify the leaf recomputed from the content, so an edited event fails here even if its stored leaf did not change.
    const result = checkInclusion(inclusion, checkpoint, recomputedLeafHash);
    verified = result.ok ? { ok: true } : { ok: false, reason: result.reason };
  }
  return ok({ seq, event: row, canonical, storedLeafHash: row.leafHash, recomputedLeafHash, checkpoint, proof, verified });
}
