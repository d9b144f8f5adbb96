// The sequencer: gives queued events their positions in their log, extends the Merkle tree and signs a checkpoint.
//
// Appends never lock a log; they only enqueue (lib/record/append.ts). Sequencing runs after commit, in batches,
// under a transaction-level advisory lock per log, so with several instances on one database exactly one
// sequences a given log at a time. Positions and checkpoints are written in the same transaction as the
// queue rows are deleted, so an event is sequenced exactly once and never moves afterwards.
//
// Cheap extension: each instance keeps the log's MerkleFrontier (O(log n) subtree roots) in memory and checks it
// against the latest checkpoint before use; when it is missing or stale (another instance sequenced, or a
// restart) it is rebuilt once by streaming the stored leaf hashes, and refuses to extend a log whose stored
// leaves no longer produce its last signed root (tampering must not be laundered into a fresh checkpoint).
import type { Db } from "@/lib/db";
import { INSTANCE_LOG } from "@/lib/record/append";
import { pendingLogs, sequenceBatch, type Head, type SequenceResult } from "@/lib/record/mutations";
import { instanceKey } from "@/lib/record/signing-key";

export { checkpointOrigin } from "@/lib/record/mutations";
export type { SequenceResult };

export const logIdOf = (spaceId: string | null): string => spaceId ?? INSTANCE_LOG;

// Cached heads per database client (one per app instance; tests run two instances in one process).
const heads = new WeakMap<object, Map<string, Head>>();
const DEFAULT_CLIENT = {};

function headsOf(client: Db | undefined): Map<string, Head> {
  const owner = client ?? DEFAULT_CLIENT;
  let map = heads.get(owner);
  if (!map) heads.set(owner, (map = new Map()));
  return map;
}

type SequenceOptions = { client?: Db; batch?: number; wait?: boolean; now?: () => Date };

/** Told of each newly sealed checkpoint (witness submission, lib/record/witness/submit.ts); must not throw or block. */
export type SealedListener = (logId: string, size: number) => void;
// On globalThis: Next bundles route handlers and server actions apart, and each must reach the listeners registered at start.
const sealed = ((globalThis as { commonweightsSealedListeners?: Set<SealedListener> }).commonweightsSealedListeners ??= new Set());

export function onCheckpointSealed(listener: SealedListener): () => void {
  sealed.add(listener);
  return () => sealed.delete(listener);
}

function announce(client: Db | undefined, logId: string, size: number): void {
  // Listeners read through the app's own client; other clients (a second instance in a test) are not theirs.
  if (client !== undefined || size < 0) return;
  for (const listener of sealed) {
    try {
      listener(logId, size);
    } catch {
      // A listener's failure is its own; sealing has already happened and must not be reported as failed.
    }
  }
}

/**
 * Sequences everything queued for `logId` (in batches). Without `wait`, returns at once with busy: true when
 * another instance holds the log; read paths that need positions pass wait: true.
 */
export async function sequenceLog(logId: string, options: SequenceOptions = {}): Promise<SequenceResult> {
  const { client, batch = 2000, wait = false, now = () => new Date() } = options;
  const key = await instanceKey(client);
  const cache = headsOf(client);
  let total = 0;
  let size = -1;
  for (;;) {
    let result: SequenceResult & { head?: Head };
    try {
      result = await sequenceBatch(logId, { client, batch, wait, now, key, cached: cache.get(logId) });
    } catch (error) {
      cache.delete(logId); // its frontier may hold leaves of the rolled-back batch
      throw error;
    }
    if (result.head) cache.set(logId, result.head);
    if (result.busy) {
      announce(client, logId, size);
      return { logId, sequenced: total, size, busy: true };
    }
    total += result.sequenced;
    if (result.sequenced > 0) size = result.size;
    if (result.sequenced < batch) {
      announce(client, logId, size);
      return { logId, sequenced: total, size, busy: false };
    }
  }
}

export async function sequenceAll(options: SequenceOptions = {}): Promise<SequenceResult[]> {
  const results: SequenceResult[] = [];
  for (const logId of await pendingLogs(options.client)) results.push(await sequenceLog(logId, options));
  return results;
}
