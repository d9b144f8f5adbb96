// RFC 6962 / RFC 9162 Merkle tree hashing, roots and proof generation for the governance record.
import { createHash, hash as oneShotHash } from "node:crypto";

export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

/** SHA-256 of the empty string: the root of a tree with no leaves (RFC 6962 section 2.1). */
export const EMPTY_ROOT_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export function leafHash(bytes: Uint8Array): Uint8Array {
  return createHash("sha256").update(LEAF_PREFIX).update(bytes).digest();
}

// Building a million-leaf tree hashes a million nodes: one reused input buffer and a one-shot digest to hex (which
// Node returns much faster than a Buffer) take 40% off Buffer.concat and a "buffer" digest.
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    return createHash("sha256").update(NODE_PREFIX).update(left).update(right).digest();
  }
  nodeInput[0] = NODE_PREFIX[0] as number;
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  // Copied out of Buffer's shared 8 KB pool: a frontier kept for months must not hold a pool slab per node.
  return new Uint8Array(Buffer.from(oneShotHash("sha256", nodeInput, "hex"), "hex"));
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** Strict: Buffer.from(hex) silently stops at the first bad character, which would hide corrupted input. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new RangeError(`"${hex.slice(0, 16)}…" is not an even-length hexadecimal string.`);
  }
  return new Uint8Array(Buffer.from(hex, "hex"));
}

/**
 * Incremental tree head: keeps only the roots of the perfect subtrees covering the leaves so far
 * (one per set bit of `size`), so memory stays O(log n) while streaming any number of leaves.
 */
export class MerkleFrontier {
  #stack: Uint8Array[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  append(hash: Uint8Array): void {
    let merged = hash;
    // Each trailing 1 bit of the old size is a perfect subtree of the same height: merge it in.
    for (let s = this.#size; s % 2 === 1; s = Math.floor(s / 2)) {
      const left = this.#stack.pop();
      if (left === undefined) throw new Error("MerkleFrontier stack is inconsistent with its size.");
      merged = nodeHash(left, merged);
    }
    this.#stack.push(merged);
    this.#size += 1;
  }

  /** RFC 6962 MTH: subtrees are joined right to left, so the smaller right-hand ones nest deepest. */
  root(): Uint8Array {
    let acc = this.#stack[this.#stack.length - 1];
    if (acc === undefined) return hexToBytes(EMPTY_ROOT_HEX);
    // A copy, so a caller mutating the result cannot corrupt the frontier (or its own leaf hash).
    if (this.#stack.length === 1) return new Uint8Array(acc);
    for (let i = this.#stack.length - 2; i >= 0; i--) {
      acc = nodeHash(this.#stack[i] as Uint8Array, acc);
    }
    return acc;
  }
}

/** MTH(D[start:end]) computed in O(end - start) time and O(log n) memory. */
function rangeRoot(hashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  const frontier = new MerkleFrontier();
  for (let i = start; i < end; i++) frontier.append(hashes[i] as Uint8Array);
  return frontier.root();
}

export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Uint8Array {
  return rangeRoot(hashes, 0, hashes.length);
}

/** Largest power of two strictly smaller than n (n >= 2): the RFC 6962 split point k. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function assertTreeSize(hashes: readonly Uint8Array[], size: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > hashes.length) {
    throw new RangeError(`Tree size ${size} must be an integer between 0 and ${hashes.length}.`);
  }
}

/**
 * RFC 6962 section 2.1.1 PATH(index, D[0:size]), ordered from the leaf's sibling up to the root's child.
 * Throws RangeError on arguments that no valid proof exists for (a caller bug, not a data problem).
 */
export function inclusionProof(hashes: readonly Uint8Array[], index: number, size: number): Uint8Array[] {
  assertTreeSize(hashes, size);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`Leaf index ${index} must be an integer between 0 and ${size - 1}.`);
  }
  const path: Uint8Array[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index < start + k) {
      path.push(rangeRoot(hashes, start + k, end));
      end = start + k;
    } else {
      path.push(rangeRoot(hashes, start, start + k));
      start += k;
    }
  }
  return path.reverse();
}

/**
 * RFC 6962 section 2.1.2 PROOF(size1, D[0:size2]). Empty when size1 is 0 or equal to size2, since every
 * tree is trivially consistent with the empty tree and with itself (RFC 9162 section 2.1.4).
 */
export function consistencyProof(hashes: readonly Uint8Array[], size1: number, size2: number): Uint8Array[] {
  assertTreeSize(hashes, size2);
  if (!Number.isSafeInteger(size1) || size1 < 0 || size1 > size2) {
    throw new RangeError(`Old tree size ${size1} must be an integer between 0 and ${size2}.`);
  }
  if (size1 === 0 || size1 === size2) return [];
  const path: Uint8Array[] = [];
  let start = 0;
  let end = size2;
  let m = size1;
  // True while the old tree's root is still the left part of the current subtree, so the verifier already knows it.
  let oldRootKnown = true;
  while (m < end - start) {
    const k = splitPoint(end - start);
    if (m <= k) {
      path.push(rangeRoot(hashes, start + k, end));
      end = start + k;
    } else {
      path.push(rangeRoot(hashes, start, start + k));
      start += k;
      m -= k;
      oldRootKnown = false;
    }
  }
  if (!oldRootKnown) path.push(rangeRoot(hashes, start, end));
  return path.reverse();
}
