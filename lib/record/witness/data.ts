// Reads for witness cosigning: what a witness last cosigned of a log, as far as this instance knows.
import "server-only";
import { db } from "@/lib/db";

/** The largest tree size of the log this witness key has cosigned for us (0 if none): the `old` of the next request. */
export async function lastCosignedSize(logId: string, keyId: string): Promise<number> {
  const row = await db.checkpointCosignature.findFirst({ where: { logId, keyId }, orderBy: { size: "desc" }, select: { size: true } });
  return row?.size ?? 0;
}

/** How many configured witnesses have cosigned this checkpoint. */
export async function cosignatureCount(logId: string, size: number): Promise<number> {
  return db.checkpointCosignature.count({ where: { logId, size } });
}
