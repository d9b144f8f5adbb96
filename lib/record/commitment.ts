// Salted commitments to free text (docs/record.md, "Committed texts"): the record holds the hash, the text and its salt
// live beside it (record_texts), so deleting them redacts the text and leaves the log as it was. Pure, for the verifier.
import { createHash, randomBytes } from "node:crypto";

/** The domain tag, so a text commitment can never equal any other SHA-256 this app computes (events, leaves, ballots). */
export const TEXT_COMMITMENT_DOMAIN = "commonweights/text-commitment/v1";

const saltPattern = /^[0-9a-f]{64}$/;

/** 32 random bytes as lowercase hex: each version of a text gets its own, so equal texts commit differently. */
export function newSalt(): string {
  return randomBytes(32).toString("hex");
}

export function isSalt(value: unknown): value is string {
  return typeof value === "string" && saltPattern.test(value);
}

/**
 * SHA-256( domain tag || 0x00 || salt (32 bytes) || text (UTF-8) ), as lowercase hex. The 0x00 ends the tag; the salt
 * has a fixed length, so tag, salt and text cannot be re-split into another triple with the same bytes.
 */
export function textCommitment(salt: string, text: string): string {
  if (!isSalt(salt)) throw new Error("a text commitment's salt is 32 bytes as 64 lowercase hex characters");
  return createHash("sha256").update(TEXT_COMMITMENT_DOMAIN, "utf8").update(Buffer.from([0])).update(Buffer.from(salt, "hex")).update(text, "utf8").digest("hex");
}

/** Whether a disclosed text and salt are the ones committed to (false for a malformed salt, never a throw). */
export function opensCommitment(commitment: string, salt: unknown, text: unknown): boolean {
  return isSalt(salt) && typeof text === "string" && textCommitment(salt, text) === commitment;
}
