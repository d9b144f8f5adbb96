// Keeps the cosignatures a witness returned (already verified against its vkey) beside the checkpoint they sign.
import "server-only";
import { db } from "@/lib/db";
import type { AcceptedCosignature } from "@/lib/record/witness/protocol";

export async function storeCosignatures(logId: string, size: number, witness: string, cosignatures: AcceptedCosignature[]): Promise<void> {
  // One per witness key and checkpoint: a repeated submission's answer is a fact we already hold.
  await db.checkpointCosignature.createMany({
    data: cosignatures.map((c) => ({ logId, size, witness, keyId: c.keyId, time: new Date(c.time * 1000), line: c.line })),
    skipDuplicates: true,
  });
}
