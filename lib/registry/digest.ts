// Validates and normalises content digests (only sha256 is trusted for pinning).
import { fail, type ParseResult } from "@/lib/registry/result";

export type Sha256Digest = `sha256:${string}`;

const SHA256_HEX_LENGTH = 64;
const HEX = /^[0-9a-f]*$/i;

/**
 * Accepts `sha256:<64 hex>` (any case) or a bare 64-hex string and returns the
 * canonical lowercase `sha256:<hex>` form.
 */
export function parseDigest(input: string): ParseResult<Sha256Digest> {
  const trimmed = input.trim();
  if (trimmed === "") return fail("EMPTY", "The digest is empty; expected sha256:<64 hex characters>.");

  const colon = trimmed.indexOf(":");
  const algorithm = colon === -1 ? "sha256" : trimmed.slice(0, colon).toLowerCase();
  const hex = colon === -1 ? trimmed : trimmed.slice(colon + 1);

  if (algorithm !== "sha256") {
    return fail(
      "UNSUPPORTED_ALGORITHM",
      `Digest algorithm '${algorithm}' is not supported; give a sha256 digest (sha256:<64 hex characters>).`,
    );
  }
  if (!HEX.test(hex)) {
    const bad = [...hex].find((char) => !HEX.test(char)) ?? "";
    return fail(
      "BAD_DIGEST_CHARS",
      `A sha256 digest may only contain hexadecimal characters (0-9, a-f), but it contains '${bad}'.`,
    );
  }
  if (hex.length !== SHA256_HEX_LENGTH) {
    return fail(
      "BAD_DIGEST_LENGTH",
      `A sha256 digest has ${SHA256_HEX_LENGTH} hex characters, but this one has ${hex.length}.`,
    );
  }
  return { ok: true, value: `sha256:${hex.toLowerCase()}` };
}

/** Shortened digest for labels, e.g. `sha256:3f2a9c1b0d4e`. */
export function shortDigest(digest: Sha256Digest): string {
  return digest.slice(0, "sha256:".length + 12);
}
