import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  EMPTY_ROOT_HEX,
  MerkleFrontier,
  bytesToHex,
  consistencyProof,
  hexToBytes,
  inclusionProof,
  leafHash,
  nodeHash,
  rootFromLeafHashes,
} from "@/lib/record/merkle";
import vectors from "@/test/unit/record/vectors/rfc6962.json";
import { refPath, refProof, refRoot, sampleLeafHashes } from "@/test/unit/record/reference-tree";

const utf8 = (text: string) => new TextEncoder().encode(text);
const hexList = (hashes: Uint8Array[]) => hashes.map(bytesToHex);
const vectorLeafHashes = vectors.leaves.map((hex) => leafHash(hexToBytes(hex)));

describe("RFC 6962 hashing (transparency-dev/merkle vectors)", () => {
  it.each([
    ["empty tree root", () => bytesToHex(rootFromLeafHashes([])), vectors.hashes.emptyRoot],
    ["empty leaf", () => bytesToHex(leafHash(new Uint8Array())), vectors.hashes.emptyLeaf],
    ["leaf L123456", () => bytesToHex(leafHash(utf8(vectors.hashes.leaf.dataUtf8))), vectors.hashes.leaf.hash],
    [
      "node N123|N456",
      () => bytesToHex(nodeHash(utf8(vectors.hashes.node.leftUtf8), utf8(vectors.hashes.node.rightUtf8))),
      vectors.hashes.node.hash,
    ],
  ])("%s", (_name, compute, want) => {
    expect(compute()).toBe(want);
  });

  it("exports the empty root as SHA-256 of the empty string", () => {
    expect(EMPTY_ROOT_HEX).toBe(vectors.hashes.emptyRoot);
    expect(bytesToHex(new MerkleFrontier().root())).toBe(vectors.hashes.emptyRoot);
  });

  it.each(vectors.roots.map((root, i) => [i + 1, root] as const))("root of the first %i vector leaves", (size, root) => {
    expect(bytesToHex(rootFromLeafHashes(vectorLeafHashes.slice(0, size)))).toBe(root);
  });

  it("matches the well-known 8-leaf root", () => {
    expect(bytesToHex(rootFromLeafHashes(vectorLeafHashes))).toBe(
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    );
  });

  it.each(vectors.inclusion)("inclusion proof for leaf $index in a tree of $size", ({ index, size, proof }) => {
    expect(hexList(inclusionProof(vectorLeafHashes, index, size))).toEqual(proof);
  });

  it.each(vectors.consistency)("consistency proof from $size1 to $size2", ({ size1, size2, proof }) => {
    expect(hexList(consistencyProof(vectorLeafHashes, size1, size2))).toEqual(proof);
  });
});

describe("agreement with a naive recursive RFC 6962 reference", () => {
  const leaves = sampleLeafHashes(40);
  const leafBytes = leaves.map(hexToBytes);
  const sizes = Array.from({ length: leaves.length + 1 }, (_, n) => n);

  it.each(sizes)("root, every inclusion proof and every consistency proof at size %i", (n) => {
    const prefix = leaves.slice(0, n);
    expect(bytesToHex(rootFromLeafHashes(leafBytes.slice(0, n)))).toBe(refRoot(prefix));
    for (let i = 0; i < n; i++) {
      expect(hexList(inclusionProof(leafBytes, i, n))).toEqual(refPath(i, prefix));
    }
    for (let m = 0; m <= n; m++) {
      expect(hexList(consistencyProof(leafBytes, m, n))).toEqual(refProof(m, prefix));
    }
  });

  it("proves against a prefix of a longer list without reading past the tree size", () => {
    expect(hexList(inclusionProof(leafBytes, 3, 7))).toEqual(refPath(3, leaves.slice(0, 7)));
    expect(hexList(consistencyProof(leafBytes, 3, 7))).toEqual(refProof(3, leaves.slice(0, 7)));
  });
});

describe("MerkleFrontier", () => {
  it("tracks the root after every append", () => {
    const leaves = sampleLeafHashes(70).map(hexToBytes);
    const frontier = new MerkleFrontier();
    leaves.forEach((leaf, i) => {
      frontier.append(leaf);
      expect(frontier.size).toBe(i + 1);
      expect(bytesToHex(frontier.root())).toBe(bytesToHex(rootFromLeafHashes(leaves.slice(0, i + 1))));
    });
  });

  it("returns roots the caller can mutate without corrupting the frontier", () => {
    const frontier = new MerkleFrontier();
    const leaf = leafHash(utf8('{"type":"release.published"}'));
    frontier.append(leaf);
    frontier.root().fill(0);
    expect(bytesToHex(frontier.root())).toBe(bytesToHex(leaf));
  });

  it("matches rootFromLeafHashes and the reference for any number of leaves (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 24 }), { maxLength: 150 }), (events) => {
        const leaves = events.map(leafHash);
        const frontier = new MerkleFrontier();
        leaves.forEach((leaf) => frontier.append(leaf));
        const want = bytesToHex(rootFromLeafHashes(leaves));
        expect(bytesToHex(frontier.root())).toBe(want);
        expect(want).toBe(refRoot(leaves.map(bytesToHex)));
        expect(frontier.size).toBe(leaves.length);
      }),
    );
  });
});

describe("argument checks", () => {
  const leaves = sampleLeafHashes(5).map(hexToBytes);

  it.each([
    ["index equal to size", () => inclusionProof(leaves, 5, 5)],
    ["negative index", () => inclusionProof(leaves, -1, 5)],
    ["fractional index", () => inclusionProof(leaves, 1.5, 5)],
    ["empty tree", () => inclusionProof(leaves, 0, 0)],
    ["size beyond the leaves", () => inclusionProof(leaves, 0, 6)],
    ["consistency with size1 > size2", () => consistencyProof(leaves, 4, 3)],
    ["consistency with size2 beyond the leaves", () => consistencyProof(leaves, 1, 6)],
    ["odd-length hex", () => hexToBytes("abc")],
    ["non-hex characters", () => hexToBytes("zz00")],
  ])("rejects %s", (_name, call) => {
    expect(call).toThrow(RangeError);
  });

  it("round-trips hex", () => {
    expect(bytesToHex(hexToBytes(vectors.roots[7] as string))).toBe(vectors.roots[7]);
  });
});

describe("scale", () => {
  // Pinned with test/unit/record/reference-tree.ts: leaves are uint32 big-endian 0..999999.
  const millionRoot = "fd5537b3f13c7508f8c7d21dfaaa1306c2a4b030843ddaad963d2832ddf34b4c";

  it("computes the root of 1,000,000 leaves in linear time", () => {
    const leaves: Uint8Array[] = new Array(1_000_000);
    const buf = Buffer.alloc(4);
    for (let i = 0; i < leaves.length; i++) {
      buf.writeUInt32BE(i);
      leaves[i] = leafHash(buf);
    }
    const started = performance.now();
    const root = rootFromLeafHashes(leaves);
    const elapsed = performance.now() - started;
    expect(bytesToHex(root)).toBe(millionRoot);
    // About 1-3 s on a laptop; the generous bound only catches an accidental O(n log n) or quadratic algorithm.
    expect(elapsed).toBeLessThan(15_000);
  }, 60_000);
});
