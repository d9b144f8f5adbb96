// Checkpoints and Merkle proofs of a log, computed from the stored leaf hashes with lib/record/merkle.ts.
import "server-only";
import { checkpointAt, readLeafHashes, type LogCheckpoint } from "@/lib/record/data";
import { bytesToHex, consistencyProof, hexToBytes, inclusionProof, rootFromLeafHashes } from "@/lib/record/merkle";
import { verifyInclusion, type VerifyResult } from "@/lib/record/verify-proof";

// Leaf hashes per log, kept per process and extended incrementally (positions never change), so a proof in a
// large log costs one read of the new leaves instead of all of them. A few logs at most (32 bytes per leaf).
const leafCache = new Map<string, Uint8Array[]>();
const MAX_CACHED_LOGS = 4;

async function leafHashes(logId: string, size: number): Promise<Uint8Array[]> {
  const cached = leafCache.get(logId) ?? [];
  leafCache.delete(logId);
  leafCache.set(logId, cached); // most recently used last
  if (leafCache.size > MAX_CACHED_LOGS) leafCache.delete(leafCache.keys().next().value as string);
  while (cached.length < size) {
    const rows = await readLeafHashes(logId, cached.length, Math.min(size, cached.length + 100_000));
    if (rows.length === 0) break;
    for (const hash of rows) cached.push(hexToBytes(hash));
  }
  if (cached.length < size) throw new Error(`log ${logId} has ${cached.length} positions, fewer than ${size}`);
  return cached;
}

/** The signed root when a checkpoint exists at that size (one per sequencer batch), else computed. */
async function rootAt(logId: string, size: number, hashes: Uint8Array[]): Promise<string> {
  return (await checkpointAt(logId, size))?.rootHash ?? bytesToHex(rootFromLeafHashes(hashes.slice(0, size)));
}

export type InclusionProof = { seq: number; size: number; leafHash: string; proof: string[]; rootHash: string };

export async function proveInclusion(logId: string, seq: number, size: number): Promise<InclusionProof> {
  const hashes = await leafHashes(logId, size);
  return {
    seq,
    size,
    leafHash: bytesToHex(hashes[seq] as Uint8Array),
    proof: inclusionProof(hashes, seq, size).map(bytesToHex),
    rootHash: await rootAt(logId, size, hashes),
  };
}

export type ConsistencyProof = { from: number; to: number; proof: string[]; fromRoot: string; toRoot: string };

export async function proveConsistency(logId: string, from: number, to: number): Promise<ConsistencyProof> {
  const hashes = await leafHashes(logId, to);
  return {
    from,
    to,
    proof: consistencyProof(hashes, from, to).map(bytesToHex),
    fromRoot: await rootAt(logId, from, hashes),
    toRoot: await rootAt(logId, to, hashes),
  };
}

/** Checks a server-made inclusion proof against a signed checkpoint, with the pure verifier (as a client would). */
export function checkInclusion(proof: InclusionProof, checkpoint: LogCheckpoint, storedLeafHash: string): VerifyResult {
  return verifyInclusion({
    index: proof.seq,
    size: checkpoint.size,
    leafHash: hexToBytes(storedLeafHash),
    proof: proof.proof.map(hexToBytes),
    root: hexToBytes(checkpoint.rootHash),
  });
}

