// An event's inclusion proof in a tree of the log.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { sizeOrLatest } from "@/lib/history/use-cases/proof-size";
import { proveInclusion } from "@/lib/record/proofs";
import { fail, ok } from "@/lib/result";

export async function inclusionProofFor(actor: Actor | null, slug: string, { seq, size }: { seq: number; size?: number }) {
  const { logId } = await openSpaceLog(actor, slug);
  const target = await sizeOrLatest(logId, size);
  if (!target.ok) return target;
  if (seq >= target.data.size) return fail("SEQ_OUT_OF_RANGE", `Event ${seq} is not in a tree of ${target.data.size} events.`, "invalid");
  const proof = await proveInclusion(logId, seq, target.data.size);
  return ok({ ...proof, checkpoint: target.data.checkpoint });
}
