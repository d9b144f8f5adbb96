// The tree size a proof is asked against: a checkpointed size, or the latest one.
import "server-only";
import { checkpointAt, latestCheckpoint, type LogCheckpoint } from "@/lib/record/data";
import { fail, ok, type Result } from "@/lib/result";

export async function sizeOrLatest(logId: string, size: number | undefined): Promise<Result<{ size: number; checkpoint: LogCheckpoint | null }>> {
  const latest = await latestCheckpoint(logId);
  const max = latest?.size ?? 0;
  const wanted = size ?? max;
  if (wanted > max) return fail("SIZE_TOO_LARGE", `The log has ${max} sequenced events; size ${wanted} does not exist yet.`, "invalid");
  return ok({ size: wanted, checkpoint: wanted === max ? latest : await checkpointAt(logId, wanted) });
}
