// Personal access token format: a recognisable prefix, 256 random bits, stored only as SHA-256.
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "cw_pat_";
const tokenShape = /^cw_pat_[A-Za-z0-9_-]{43}$/;

export function generateToken(): { token: string; hash: string; displayPrefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), displayPrefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return tokenShape.test(value);
}

/** Bearer credentials from an Authorization header, or null when there are none. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
