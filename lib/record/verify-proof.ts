// Verification of Merkle inclusion and consistency proofs, following RFC 9162 sections 2.1.3.2 and 2.1.4.2.
//
// This file is deliberately self-contained (it imports only node:crypto) so that anyone auditing the
// governance record can read the complete verification logic here, without trusting the rest of the app.
// Hashes are 32-byte SHA-256 values: node = SHA-256(0x01 || left || right).
import { createHash } from "node:crypto";

export type VerifyResult =
  | { ok: true }
  | { ok: false; code: "BAD_ARGUMENT" | "BAD_PROOF_LENGTH" | "ROOT_MISMATCH"; reason: string };

function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  return createHash("sha256").update(new Uint8Array([0x01])).update(left).update(right).digest();
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function fail(code: Exclude<VerifyResult, { ok: true }>["code"], reason: string): VerifyResult {
  return { ok: false, code, reason };
}

// Plain arithmetic instead of bit operators: JavaScript bit operators truncate to 32 bits.
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);
function isPowerOfTwo(n: number): boolean {
  while (n > 1 && !isOdd(n)) n = half(n);
  return n === 1;
}

function checkHashes(named: Record<string, Uint8Array>, proof: readonly Uint8Array[]): VerifyResult | null {
  for (const [name, hash] of Object.entries(named)) {
    if (hash.length !== 32) return fail("BAD_ARGUMENT", `The ${name} must be 32 bytes, got ${hash.length}.`);
  }
  const badIndex = proof.findIndex((p) => p.length !== 32);
  if (badIndex >= 0) return fail("BAD_ARGUMENT", `Proof element ${badIndex} must be 32 bytes.`);
  return null;
}

const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Checks that `leafHash` is the leaf at `index` in the tree of `size` leaves whose root is `root`. */
export function verifyInclusion(args: {
  index: number;
  size: number;
  leafHash: Uint8Array;
  proof: readonly Uint8Array[];
  root: Uint8Array;
}): VerifyResult {
  const { index, size, leafHash, proof, root } = args;
  if (!isSize(index) || !isSize(size)) return fail("BAD_ARGUMENT", "Index and size must be non-negative integers.");
  if (index >= size) return fail("BAD_ARGUMENT", `Leaf index ${index} is outside a tree of ${size} leaves.`);
  const badHash = checkHashes({ "leaf hash": leafHash, root }, proof);
  if (badHash) return badHash;

  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return fail("BAD_PROOF_LENGTH", "The inclusion proof has more elements than the tree has levels.");
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      // Skip the levels where this node is the rightmost one without a sibling: they consume no proof element.
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) return fail("BAD_PROOF_LENGTH", "The inclusion proof is too short for this tree size.");
  if (!equalBytes(r, root)) return fail("ROOT_MISMATCH", "The inclusion proof does not lead to the expected root.");
  return { ok: true };
}

/** Checks that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves with root `root1`. */
export function verifyConsistency(args: {
  size1: number;
  size2: number;
  root1: Uint8Array;
  root2: Uint8Array;
  proof: readonly Uint8Array[];
}): VerifyResult {
  const { size1, size2, root1, root2, proof } = args;
  if (!isSize(size1) || !isSize(size2)) return fail("BAD_ARGUMENT", "Tree sizes must be non-negative integers.");
  if (size1 > size2) return fail("BAD_ARGUMENT", `The old size ${size1} is larger than the new size ${size2}.`);
  const badHash = checkHashes({ "old root": root1, "new root": root2 }, proof);
  if (badHash) return badHash;

  // Trivial cases, outside the RFC algorithm: nothing to prove, so the proof must be empty.
  if (size1 === size2 || size1 === 0) {
    if (proof.length !== 0) return fail("BAD_PROOF_LENGTH", "No proof elements are expected for these sizes.");
    // SHA-256 of the empty string is the only valid root of an empty tree.
    if (size1 === 0 && !equalBytes(root1, createHash("sha256").digest())) {
      return fail("ROOT_MISMATCH", "The old root is not the root of an empty tree.");
    }
    if (size1 === size2 && !equalBytes(root1, root2)) {
      return fail("ROOT_MISMATCH", "Two trees of the same size have different roots.");
    }
    return { ok: true };
  }

  // RFC 9162 section 2.1.4.2, steps 1 to 7.
  if (proof.length === 0) return fail("BAD_PROOF_LENGTH", "The consistency proof is empty.");
  // When the old tree is a perfect subtree of the new one, its root is the proof's implicit first element.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail("BAD_PROOF_LENGTH", "The consistency proof has more elements than expected.");
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = hashChildren(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  if (sn !== 0) return fail("BAD_PROOF_LENGTH", "The consistency proof is too short for these sizes.");
  if (!equalBytes(fr, root1)) return fail("ROOT_MISMATCH", "The consistency proof does not lead to the old root.");
  if (!equalBytes(sr, root2)) return fail("ROOT_MISMATCH", "The consistency proof does not lead to the new root.");
  return { ok: true };
}
