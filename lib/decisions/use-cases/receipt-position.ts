// Where a ballot's receipt sits in the governance record.
import "server-only";
import { findReceipt } from "@/lib/record/data";

/** The position of a receipt in the space's log, once the sequencer has assigned one. */
export async function receiptPosition(hash: string) {
  const found = await findReceipt(hash);
  return found?.position ?? null;
}
