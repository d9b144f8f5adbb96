// Salted text commitments: a fixed vector (so an independent verifier can be checked against it), the domain tag,
// fresh salts, and a verifier check that never throws on malformed input.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSalt, newSalt, opensCommitment, TEXT_COMMITMENT_DOMAIN, textCommitment } from "@/lib/record/commitment";

const salt = "00".repeat(31) + "01";

describe("textCommitment", () => {
  it("is SHA-256 over the domain tag, a zero byte, the 32 salt bytes and the UTF-8 text", () => {
    const expected = createHash("sha256")
      .update(Buffer.concat([Buffer.from("commonweights/text-commitment/v1", "utf8"), Buffer.from([0]), Buffer.from(salt, "hex"), Buffer.from("Grüße ✓", "utf8")]))
      .digest("hex");
    expect(TEXT_COMMITMENT_DOMAIN).toBe("commonweights/text-commitment/v1");
    expect(textCommitment(salt, "Grüße ✓")).toBe(expected);
    // A fixed vector, written out: docs/record.md gives the same.
    expect(textCommitment("ab".repeat(32), "hello")).toBe(createHash("sha256").update(Buffer.concat([Buffer.from(`${TEXT_COMMITMENT_DOMAIN}\u0000`), Buffer.from("ab".repeat(32), "hex"), Buffer.from("hello")])).digest("hex"));
  });

  it("differs from a plain SHA-256 of the text, and between salts and texts", () => {
    const plain = createHash("sha256").update("hello").digest("hex");
    expect(textCommitment(salt, "hello")).not.toBe(plain);
    expect(textCommitment(salt, "hello")).not.toBe(textCommitment("00".repeat(32), "hello"));
    expect(textCommitment(salt, "hello")).not.toBe(textCommitment(salt, "hello "));
  });

  it("refuses a salt that is not 32 bytes of lowercase hex", () => {
    for (const bad of ["", "ab", "AB".repeat(32), "zz".repeat(32), "00".repeat(33)]) expect(() => textCommitment(bad, "x")).toThrow(/32 bytes/);
  });
});

describe("newSalt and opensCommitment", () => {
  it("makes a fresh 32-byte salt each time", () => {
    const salts = new Set(Array.from({ length: 50 }, newSalt));
    expect(salts.size).toBe(50);
    for (const s of salts) expect(isSalt(s)).toBe(true);
  });

  it("opens only with the same salt and text, and answers false (never throws) for malformed input", () => {
    const commitment = textCommitment(salt, "the words");
    expect(opensCommitment(commitment, salt, "the words")).toBe(true);
    expect(opensCommitment(commitment, salt, "the word")).toBe(false);
    expect(opensCommitment(commitment, "00".repeat(32), "the words")).toBe(false);
    expect(opensCommitment(commitment, 42, "the words")).toBe(false);
    expect(opensCommitment(commitment, salt, null)).toBe(false);
  });
});
