import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  EMPTY_ROOT_HEX,
  consistencyProof,
  hexToBytes,
  inclusionProof,
  leafHash,
  rootFromLeafHashes,
} from "@/lib/record/merkle";
import { verifyConsistency, verifyInclusion, type VerifyResult } from "@/lib/record/verify-proof";
import vectors from "@/test/unit/record/vectors/rfc6962.json";
import { refRoot, sampleLeafHashes } from "@/test/unit/record/reference-tree";

type InclusionArgs = Parameters<typeof verifyInclusion>[0];
type ConsistencyArgs = Parameters<typeof verifyConsistency>[0];

const bytes = hexToBytes;
const emptyRoot = bytes(EMPTY_ROOT_HEX);
const someHash = bytes("abacaba000000000000000000000000000000000000000000060061e00123456");
const vectorLeafHashes = vectors.leaves.map((hex) => leafHash(bytes(hex)));
const vectorRoot = (size: number) => bytes(vectors.roots[size - 1] as string);

// The leaf and proof hashes of a 40-event record, plus the root at every size, from the reference implementation.
const leaves = sampleLeafHashes(40).map(bytes);
const roots = Array.from({ length: leaves.length + 1 }, (_, n) => bytes(refRoot(sampleLeafHashes(n))));
const rootAt = (n: number) => roots[n] as Uint8Array;

function flipBit(proof: readonly Uint8Array[], element: number, bit: number): Uint8Array[] {
  return proof.map((hash, i) => {
    if (i !== element) return hash;
    const copy = new Uint8Array(hash);
    copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
    return copy;
  });
}

/** Every single-bit corruption of the proof, or only bit 3 of byte 0 of each element when `allBits` is false. */
function bitFlips(proof: readonly Uint8Array[], allBits: boolean): Uint8Array[][] {
  const bits = allBits ? Array.from({ length: 256 }, (_, b) => b) : [3];
  return proof.flatMap((_, element) => bits.map((bit) => flipBit(proof, element, bit)));
}

/** Adapted from transparency-dev/merkle's corruptInclusionProof. */
function corruptInclusion(args: InclusionArgs, allBits: boolean): [string, InclusionArgs][] {
  const { index, size, proof, root } = args;
  const probes: [string, InclusionArgs][] = [
    ["index - 1", { ...args, index: index - 1 }],
    ["index + 1", { ...args, index: index + 1 }],
    ["index ^ 2", { ...args, index: index ^ 2 }],
    ["size * 2", { ...args, size: size * 2 }],
    ["size / 2", { ...args, size: Math.floor(size / 2) }],
    ["wrong leaf", { ...args, leafHash: someHash }],
    ["empty root", { ...args, root: emptyRoot }],
    ["random root", { ...args, root: someHash }],
    ["trailing empty element", { ...args, proof: [...proof, new Uint8Array()] }],
    ["trailing root", { ...args, proof: [...proof, root] }],
    ["preceding root", { ...args, proof: [root, ...proof] }],
  ];
  if (proof.length > 0) probes.push(["removed last element", { ...args, proof: proof.slice(0, -1) }]);
  if (proof.length > 1) probes.push(["inserted element", { ...args, proof: [proof[0]!, someHash, ...proof.slice(1)] }]);
  bitFlips(proof, allBits).forEach((p, i) => probes.push([`bit flip #${i}`, { ...args, proof: p }]));
  return probes;
}

/** Adapted from transparency-dev/merkle's corruptConsistencyProof. */
function corruptConsistency(args: ConsistencyArgs, allBits: boolean): [string, ConsistencyArgs][] {
  const { size1, size2, root1, root2, proof } = args;
  const probes: [string, ConsistencyArgs][] = [
    ["size1 - 1", { ...args, size1: size1 - 1 }],
    ["size1 + 1", { ...args, size1: size1 + 1 }],
    ["size1 ^ 2", { ...args, size1: size1 ^ 2 }],
    ["size2 * 2", { ...args, size2: size2 * 2 }],
    ["size2 / 2", { ...args, size2: Math.floor(size2 / 2) }],
    ["wrong root1", { ...args, root1: someHash }],
    ["wrong root2", { ...args, root2: someHash }],
    ["swapped roots", { ...args, root1: root2, root2: root1 }],
    ["empty proof", { ...args, proof: [] }],
    ["trailing empty element", { ...args, proof: [...proof, new Uint8Array()] }],
    ["trailing root1", { ...args, proof: [...proof, root1] }],
    ["trailing root2", { ...args, proof: [...proof, root2] }],
    ["preceding root1", { ...args, proof: [root1, ...proof] }],
    ["preceding root2", { ...args, proof: [root2, ...proof] }],
    ["preceding proof[0]", { ...args, proof: [proof[0]!, ...proof] }],
    ["truncated", { ...args, proof: proof.slice(0, -1) }],
    ["first element dropped", { ...args, proof: proof.slice(1) }],
  ];
  bitFlips(proof, allBits).forEach((p, i) => probes.push([`bit flip #${i}`, { ...args, proof: p }]));
  return probes;
}

const accepted = (probes: [string, VerifyResult][]) => probes.filter(([, r]) => r.ok).map(([name]) => name);

describe("verifyInclusion", () => {
  it.each(vectors.inclusion)("accepts the vector for leaf $index of $size", ({ index, size, proof }) => {
    const args = { index, size, leafHash: vectorLeafHashes[index]!, proof: proof.map(bytes), root: vectorRoot(size) };
    expect(verifyInclusion(args)).toEqual({ ok: true });
    expect(accepted(corruptInclusion(args, true).map(([n, a]) => [n, verifyInclusion(a)]))).toEqual([]);
  });

  const pairs = Array.from({ length: 33 }, (_, s) => s + 1).flatMap((size) =>
    Array.from({ length: size }, (_, index) => [size, index] as const),
  );
  it.each(pairs)("accepts only the genuine proof in a tree of %i for leaf %i", (size, index) => {
    const args = { index, size, leafHash: leaves[index]!, proof: inclusionProof(leaves, index, size), root: rootAt(size) };
    expect(verifyInclusion(args)).toEqual({ ok: true });
    const probes = corruptInclusion(args, size <= 12);
    expect(accepted(probes.map(([n, a]) => [n, verifyInclusion(a)]))).toEqual([]);
  });

  const leaf = leafHash(new TextEncoder().encode('{"type":"vote.cast"}'));
  it.each<[string, InclusionArgs, string]>([
    ["index equal to size", { index: 1, size: 1, leafHash: leaf, proof: [], root: leaf }, "BAD_ARGUMENT"],
    ["empty tree", { index: 0, size: 0, leafHash: leaf, proof: [], root: emptyRoot }, "BAD_ARGUMENT"],
    ["negative index", { index: -1, size: 2, leafHash: leaf, proof: [someHash], root: leaf }, "BAD_ARGUMENT"],
    ["fractional size", { index: 0, size: 1.5, leafHash: leaf, proof: [], root: leaf }, "BAD_ARGUMENT"],
    ["unsafe size", { index: 0, size: 2 ** 53, leafHash: leaf, proof: [], root: leaf }, "BAD_ARGUMENT"],
    ["short leaf hash", { index: 0, size: 1, leafHash: new Uint8Array(), proof: [], root: leaf }, "BAD_ARGUMENT"],
    ["short root", { index: 0, size: 1, leafHash: leaf, proof: [], root: leaf.slice(1) }, "BAD_ARGUMENT"],
    ["1-leaf tree, other root", { index: 0, size: 1, leafHash: leaf, proof: [], root: someHash }, "ROOT_MISMATCH"],
    ["1-leaf tree, extra element", { index: 0, size: 1, leafHash: leaf, proof: [someHash], root: leaf }, "BAD_PROOF_LENGTH"],
    ["2-leaf tree, no proof", { index: 0, size: 2, leafHash: leaf, proof: [], root: leaf }, "BAD_PROOF_LENGTH"],
  ])("rejects %s", (_name, args, code) => {
    const result = verifyInclusion(args);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.reason).toMatch(/\.$/);
  });

  it("accepts a 1-leaf tree whose root is the leaf hash", () => {
    expect(verifyInclusion({ index: 0, size: 1, leafHash: leaf, proof: [], root: leaf })).toEqual({ ok: true });
  });
});

describe("verifyConsistency", () => {
  it.each(vectors.consistency)("accepts the vector from $size1 to $size2", ({ size1, size2, proof }) => {
    const args = { size1, size2, root1: vectorRoot(size1), root2: vectorRoot(size2), proof: proof.map(bytes) };
    expect(verifyConsistency(args)).toEqual({ ok: true });
    if (proof.length === 0) return;
    expect(accepted(corruptConsistency(args, true).map(([n, a]) => [n, verifyConsistency(a)]))).toEqual([]);
  });

  const pairs = Array.from({ length: 33 }, (_, s) => s + 1).flatMap((size2) =>
    Array.from({ length: size2 - 1 }, (_, i) => [i + 1, size2] as const),
  );
  it.each(pairs)("accepts only the genuine proof from %i to %i", (size1, size2) => {
    const proof = consistencyProof(leaves, size1, size2);
    const args = { size1, size2, root1: rootAt(size1), root2: rootAt(size2), proof };
    expect(verifyConsistency(args)).toEqual({ ok: true });
    const probes = corruptConsistency(args, size2 <= 12);
    expect(accepted(probes.map(([n, a]) => [n, verifyConsistency(a)]))).toEqual([]);
  });

  const [r1, r2] = [rootAt(1), rootAt(2)];
  it.each<[string, ConsistencyArgs, VerifyResult["ok"], string?]>([
    ["0 to 0, empty roots", { size1: 0, size2: 0, root1: emptyRoot, root2: emptyRoot, proof: [] }, true],
    ["0 to 5, empty proof", { size1: 0, size2: 5, root1: emptyRoot, root2: rootAt(5), proof: [] }, true],
    ["equal sizes, equal roots", { size1: 2, size2: 2, root1: r2, root2: r2, proof: [] }, true],
    ["0 to 5, non-empty proof", { size1: 0, size2: 5, root1: emptyRoot, root2: rootAt(5), proof: [emptyRoot] }, false, "BAD_PROOF_LENGTH"],
    ["0 to 5, non-empty old root", { size1: 0, size2: 5, root1: r1, root2: rootAt(5), proof: [] }, false, "ROOT_MISMATCH"],
    ["0 to 0, different roots", { size1: 0, size2: 0, root1: emptyRoot, root2: r1, proof: [] }, false, "ROOT_MISMATCH"],
    ["equal sizes, different roots", { size1: 1, size2: 1, root1: r1, root2: r2, proof: [] }, false, "ROOT_MISMATCH"],
    ["equal sizes, non-empty proof", { size1: 1, size2: 1, root1: r1, root2: r1, proof: [emptyRoot] }, false, "BAD_PROOF_LENGTH"],
    ["size1 > size2", { size1: 2, size2: 1, root1: r2, root2: r1, proof: [] }, false, "BAD_ARGUMENT"],
    ["1 to 2, empty proof", { size1: 1, size2: 2, root1: r1, root2: r2, proof: [] }, false, "BAD_PROOF_LENGTH"],
    ["negative size", { size1: -1, size2: 2, root1: r1, root2: r2, proof: [] }, false, "BAD_ARGUMENT"],
    ["short root", { size1: 1, size2: 2, root1: r1.slice(0, 31), root2: r2, proof: [leaves[1]!] }, false, "BAD_ARGUMENT"],
  ])("%s", (_name, args, ok, code) => {
    const result = verifyConsistency(args);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result).toMatchObject({ code });
  });
});

describe("generated proofs verify (property)", () => {
  it("for random n, index < n and m <= n", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.nat({ max: n - 1 }), fc.nat({ max: n }), fc.nat({ max: 9 })),
        ),
        ([n, index, m, salt]) => {
          const hashes = Array.from({ length: n }, (_, i) => leafHash(Uint8Array.of(salt, i >> 8, i & 255)));
          const root = rootFromLeafHashes(hashes);
          const rootM = rootFromLeafHashes(hashes.slice(0, m));
          const proof = inclusionProof(hashes, index, n);
          expect(verifyInclusion({ index, size: n, leafHash: hashes[index]!, proof, root })).toEqual({ ok: true });
          const cproof = consistencyProof(hashes, m, n);
          expect(verifyConsistency({ size1: m, size2: n, root1: rootM, root2: root, proof: cproof })).toEqual({
            ok: true,
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
