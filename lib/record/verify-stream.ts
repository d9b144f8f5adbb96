// Feeds an export (a byte stream) to an ExportVerifier with the per-event work (UTF-8, JSON, canonical form, two
// SHA-256) spread over worker threads, while this thread builds the Merkle tree in log order. Same outcome as addLine.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { ExportVerifier } from "@/lib/record/verify-export";
import { HASH_SIZE } from "@/lib/record/merkle";
import { VERIFY_WORKER, type CheckedBatch } from "@/lib/record/verify-worker";

// ~2,000 events per message: messaging costs little next to the work, and memory in flight stays a few MB.
const BATCH_BYTES = 1 << 20;
const NEWLINE = 0x0a;

type Slot = { worker: Worker; waiting: Array<{ resolve: (batch: CheckedBatch) => void; reject: (error: Error) => void }> };

/** A fixed set of workers, started on first use; each answers its batches in the order it got them. */
export class BatchPool {
  #slots: Slot[] = [];
  #next = 0;

  constructor(private readonly size: number) {}

  check(bytes: Uint8Array): Promise<CheckedBatch> {
    const slot = (this.#slots[this.#next++ % this.size] ??= this.#start());
    const checked = new Promise<CheckedBatch>((resolve, reject) => {
      slot.waiting.push({ resolve, reject });
      slot.worker.postMessage(bytes);
    });
    // Awaited in order later; a worker failing meanwhile must not count as an unhandled rejection.
    checked.catch(() => {});
    return checked;
  }

  #start(): Slot {
    // tsx's loader does not reach worker threads (privatenumber/tsx#354): the worker registers it, then loads the module.
    const url = JSON.stringify(new URL("./verify-worker.ts", import.meta.url).href);
    const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${url}); })`;
    const slot: Slot = { worker: new Worker(boot, { eval: true, workerData: VERIFY_WORKER }), waiting: [] };
    slot.worker.on("message", (batch: CheckedBatch) => slot.waiting.shift()?.resolve(batch));
    const failAll = (error: Error) => slot.waiting.splice(0).forEach((w) => w.reject(error));
    slot.worker.on("error", failAll);
    slot.worker.on("exit", () => failAll(new Error("A verifier worker thread stopped.")));
    return slot;
  }

  /** Stops the workers; batches still out are dropped unanswered (the verifier already has its answer). */
  async close(): Promise<void> {
    for (const slot of this.#slots) slot.waiting.length = 0;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}

/** Lines the worker did not take (from the first one it stopped at) go through addLine, which explains them. */
function settle(verifier: ExportVerifier, bytes: Uint8Array, { firstSeq, leaves, all }: CheckedBatch): boolean {
  const taken = verifier.addCheckedLeaves(firstSeq, leaves);
  if (all && taken * HASH_SIZE === leaves.length) return true;
  const lines = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8").split("\n");
  for (let i = taken; i < lines.length; i++) if (!verifier.addLine(lines[i] as string)) return false;
  return true;
}

const unchecked: CheckedBatch = { firstSeq: -1, leaves: new Uint8Array(0), all: false };

// One worker per core, up to 4: beyond that this thread (reading, the tree) is what the others wait for.
export const defaultThreads = () => Math.min(4, os.availableParallelism());

/**
 * Reads the whole input into the verifier, stopping at the first problem. Batches are cut after a newline byte, which
 * never falls inside a UTF-8 character. With 0 threads, and for the last megabyte, lines are checked on this thread.
 * A trailing "\r" (CRLF files) is JSON whitespace.
 */
export async function verifyStream(input: AsyncIterable<Uint8Array | string>, verifier: ExportVerifier, threads = defaultThreads()): Promise<void> {
  const pool = threads > 0 ? new BatchPool(threads) : null;
  const pending: Array<{ bytes: Uint8Array; checked: Promise<CheckedBatch> }> = [];
  let parts: Buffer[] = [];
  let buffered = 0;
  try {
    for await (const chunk of input) {
      const last = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      parts.push(last);
      buffered += last.length;
      const cut = buffered >= BATCH_BYTES ? last.lastIndexOf(NEWLINE) : -1;
      if (cut === -1) continue;
      const bytes = Buffer.concat([...parts.slice(0, -1), last.subarray(0, cut)]);
      parts = [Buffer.from(last.subarray(cut + 1))];
      buffered = parts[0]!.length;
      if (!pool) {
        if (!settle(verifier, bytes, unchecked)) return;
        continue;
      }
      pending.push({ bytes, checked: pool.check(bytes) });
      // Two batches per worker keep them busy while this thread appends leaves; more would only hold memory.
      if (pending.length > 2 * threads) {
        const next = pending.shift()!;
        if (!settle(verifier, next.bytes, await next.checked)) return;
      }
    }
    for (const next of pending.splice(0)) if (!settle(verifier, next.bytes, await next.checked)) return;
    if (buffered > 0) settle(verifier, Buffer.concat(parts), unchecked);
  } finally {
    await pool?.close();
  }
}
