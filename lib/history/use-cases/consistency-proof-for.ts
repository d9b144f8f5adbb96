// A consistency proof between two sizes of the log.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { sizeOrLatest } from "@/lib/history/use-cases/proof-size";
import { checkpointAt } from "@/lib/record/data";
import { proveConsistency } from "@/lib/record/proofs";
import { fail, ok } from "@/lib/result";

export async function consistencyProofFor(actor: Actor | null, slug: string, { from, to }: { from: number; to?: number }) {
  const { logId } = await openSpaceLog(actor, slug);
  const target = await sizeOrLatest(logId, to);
  if (!target.ok) return target;
  if (from > target.data.size) return fail("SIZE_OUT_OF_RANGE", `from (${from}) must not exceed to (${target.data.size}).`, "invalid");
  const proof = await proveConsistency(logId, from, target.data.size);
  return ok({ ...proof, fromCheckpoint: await checkpointAt(logId, from), toCheckpoint: target.data.checkpoint });
}
