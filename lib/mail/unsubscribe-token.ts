// The signed token in a one-click unsubscribe link (RFC 8058): it names a person and a kind of notification,
// and is the whole authorization of the unsubscribe POST, which a mail client sends without any session.
import { createHmac, timingSafeEqual } from "node:crypto";

export type UnsubscribeClaim = { userId: string; kind: string };

function secret(env: Record<string, string | undefined>): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  // lib/env.ts already refuses to start production without AUTH_SECRET; the demo and tests sign with this.
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET is required to sign unsubscribe links");
  return "commonweights-development-unsubscribe-key";
}

const mac = (body: string, env: Record<string, string | undefined>) =>
  createHmac("sha256", `unsubscribe:${secret(env)}`).update(body).digest("base64url");

export function signUnsubscribe(claim: UnsubscribeClaim, env: Record<string, string | undefined> = process.env): string {
  const body = Buffer.from(JSON.stringify({ u: claim.userId, k: claim.kind })).toString("base64url");
  return `${body}.${mac(body, env)}`;
}

/** The claim of a token this instance signed, or null for anything else (altered, truncated, foreign). */
export function verifyUnsubscribe(token: string, env: Record<string, string | undefined> = process.env): UnsubscribeClaim | null {
  if (token.length > 1000) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, env));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { u?: unknown; k?: unknown };
    return typeof parsed.u === "string" && typeof parsed.k === "string" ? { userId: parsed.u, kind: parsed.k } : null;
  } catch {
    return null;
  }
}
