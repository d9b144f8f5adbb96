// The rate limit at each door: API routes, server actions and sign-in. Each answers null to go on, or the refusal.
import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/auth/session";
import { appEnv } from "@/lib/env";
import { rateLimiters } from "@/lib/rate-limit/limiter";
import {
  apiBucket,
  callerKey,
  clientIp,
  rateLimitHeaders,
  secondsUntilReset,
  tooManyRequestsMessage,
  type Bucket,
  type RateLimitDecision,
} from "@/lib/rate-limit/rules";
import { cachedTokenUser } from "@/lib/tokens/cache";
import { bearerToken, hashToken } from "@/lib/tokens/rules";
import { fail, type Result } from "@/lib/result";

function refusal(decision: RateLimitDecision): Response {
  const message = tooManyRequestsMessage(secondsUntilReset(decision.resetMs));
  return Response.json({ error: { code: "RATE_LIMITED", message } }, { status: 429, headers: rateLimitHeaders(decision) });
}

/** The id of the bearer token that authenticated this request (authenticateToken has just cached it). */
function tokenIdOf(authorization: string | null): string | null {
  const token = authorization ? bearerToken(authorization) : null;
  return token ? (cachedTokenUser(hashToken(token), Date.now())?.tokenId ?? null) : null;
}

async function count(bucket: Bucket, key: string | null): Promise<RateLimitDecision | null> {
  const limiters = rateLimiters();
  if (!limiters.settings.enabled || key === null) return null;
  const decision = await limiters.consume(bucket, key);
  return decision.allowed ? null : decision;
}

/** For apiRoute, once the caller is known: writes and expensive reads count, per token, person or address. */
export async function limitApiRequest(req: Request, actor: Actor | null): Promise<Response | null> {
  const bucket = apiBucket(req.method, new URL(req.url).pathname);
  if (!bucket) return null;
  const authorization = req.headers.get("authorization");
  const key = callerKey({
    tokenId: actor ? tokenIdOf(authorization) : null,
    userId: actor?.id,
    ip: clientIp(req.headers.get("x-forwarded-for"), appEnv().AUTH_TRUST_HOST),
  });
  const refused = await count(bucket, key);
  return refused ? refusal(refused) : null;
}

/** For defineAction: every server action is a write, counted per signed-in person or address. */
export async function limitAction(actor: Actor | null): Promise<Result<never> | null> {
  const key = callerKey({ userId: actor?.id, ip: actor ? null : await requestIp() });
  const refused = await count("writes", key);
  return refused ? fail("RATE_LIMITED", tooManyRequestsMessage(secondsUntilReset(refused.resetMs)), "rate_limited") : null;
}

/** For sign-in routes: counted per client address (not counted when no trusted proxy gives one). */
export async function limitSignIn(req: Request): Promise<Response | null> {
  const refused = await count("signin", addressKey(req));
  return refused ? refusal(refused) : null;
}

/**
 * Wraps Auth.js's route handlers: a provider's callback, where a sign-in completes, counts per address. Over
 * the limit the browser is sent back to the sign-in page with the reason (a relative Location: behind a proxy
 * the request's own URL names the wrong host), with Retry-After and the RateLimit fields.
 */
export function withSignInLimit<R extends Request>(handler: (req: R) => Promise<Response>): (req: R) => Promise<Response> {
  return async (req) => {
    if (new URL(req.url).pathname.startsWith("/api/auth/callback/")) {
      const refused = await count("signin", addressKey(req));
      if (refused) return new Response(null, { status: 303, headers: { Location: "/signin?error=RateLimited", ...rateLimitHeaders(refused) } });
    }
    return handler(req);
  };
}

/** For the history page's full-text search (a page, not an API route): the refusal's sentence, or null. */
export async function limitHistorySearch(actor: Actor | null): Promise<string | null> {
  const refused = await count("reads", callerKey({ userId: actor?.id, ip: actor ? null : await requestIp() }));
  return refused ? tooManyRequestsMessage(secondsUntilReset(refused.resetMs)) : null;
}

function addressKey(req: Request): string | null {
  return callerKey({ ip: clientIp(req.headers.get("x-forwarded-for"), appEnv().AUTH_TRUST_HOST) });
}

async function requestIp(): Promise<string | null> {
  try {
    return clientIp((await headers()).get("x-forwarded-for"), appEnv().AUTH_TRUST_HOST);
  } catch {
    return null; // outside a request (scripts, tests)
  }
}
