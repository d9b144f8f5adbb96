// Independent, deliberately naive RFC 6962 reference (recursion over slices) to cross-check lib/record/merkle.ts.
import { createHash } from "node:crypto";

const sha256 = (...parts: Uint8Array[]): string => {
  const h = createHash("sha256");
  for (const part of parts) h.update(part);
  return h.digest("hex");
};
const bin = (hex: string): Uint8Array => Buffer.from(hex, "hex");

export const refLeafHash = (data: Uint8Array): string => sha256(Uint8Array.of(0), data);
const refNodeHash = (left: string, right: string): string => sha256(Uint8Array.of(1), bin(left), bin(right));

/** Largest power of two strictly smaller than n, by the RFC's wording. */
function k(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p / 2;
}

/** RFC 6962 section 2.1: MTH over leaf hashes (hex). */
export function refRoot(d: string[]): string {
  if (d.length === 0) return sha256();
  if (d.length === 1) return d[0] as string;
  const split = k(d.length);
  return refNodeHash(refRoot(d.slice(0, split)), refRoot(d.slice(split)));
}

/** RFC 6962 section 2.1.1: PATH(m, D[n]). */
export function refPath(m: number, d: string[]): string[] {
  if (d.length <= 1) return [];
  const split = k(d.length);
  return m < split
    ? [...refPath(m, d.slice(0, split)), refRoot(d.slice(split))]
    : [...refPath(m - split, d.slice(split)), refRoot(d.slice(0, split))];
}

/** RFC 6962 section 2.1.2: SUBPROOF(m, D[n], b). */
function refSubproof(m: number, d: string[], b: boolean): string[] {
  if (m === d.length) return b ? [] : [refRoot(d)];
  const split = k(d.length);
  return m <= split
    ? [...refSubproof(m, d.slice(0, split), b), refRoot(d.slice(split))]
    : [...refSubproof(m - split, d.slice(split), false), refRoot(d.slice(0, split))];
}

/** RFC 6962 section 2.1.2: PROOF(m, D[n]), extended with the RFC 9162 empty proof for m = 0. */
export function refProof(m: number, d: string[]): string[] {
  return m === 0 ? [] : refSubproof(m, d, true);
}

/** Distinct, realistic-looking leaves: serialized governance events. */
export function sampleLeafHashes(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    refLeafHash(Buffer.from(JSON.stringify({ seq: i, type: "vote.cast", slug: "llama-fork" }), "utf8")),
  );
}
