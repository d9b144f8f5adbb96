// Rate limits, the pure part: which requests count against which budget, whose key they count under, and
// how a refusal is told to the client (sentence and headers). No I/O: the counting is lib/rate-limit/limiter.ts.

/** The budgets: API and server-action writes, the expensive reads (exports, log pages, proofs), sign-in. */
export type Bucket = "writes" | "reads" | "signin";
export const buckets: readonly Bucket[] = ["writes", "reads", "signin"];

/** Every budget is counted over a fixed window of this length, starting at a key's first request. */
export const WINDOW_SECONDS = 60;

/** Requests per window for each budget; 0 leaves that budget unlimited. */
export type RateLimitSettings = { enabled: boolean; perWindow: Record<Bucket, number> };

export type RateLimitEnv = {
  CW_RATE_LIMIT_DISABLED: boolean;
  CW_RATE_LIMIT_WRITES_PER_MINUTE: number;
  CW_RATE_LIMIT_READS_PER_MINUTE: number;
  CW_RATE_LIMIT_SIGNIN_PER_MINUTE: number;
};

export function rateLimitSettings(env: RateLimitEnv): RateLimitSettings {
  return {
    enabled: !env.CW_RATE_LIMIT_DISABLED,
    perWindow: {
      writes: env.CW_RATE_LIMIT_WRITES_PER_MINUTE,
      reads: env.CW_RATE_LIMIT_READS_PER_MINUTE,
      signin: env.CW_RATE_LIMIT_SIGNIN_PER_MINUTE,
    },
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// GETs that cost the server a lot per call: whole-log and findings exports, the feed, pages of the log,
// and Merkle proofs (which read and hash a stretch of the tree). Everything else that reads is cheap.
const EXPENSIVE_READS = [
  /^\/api\/v1\/spaces\/[^/]+\/events(\.ndjson)?$/,
  /^\/api\/v1\/spaces\/[^/]+\/events\/[^/]+\/proof$/,
  /^\/api\/v1\/spaces\/[^/]+\/consistency$/,
  /^\/api\/v1\/spaces\/[^/]+\/feed\.atom$/,
  /^\/api\/v1\/audits\/[^/]+\/findings\.json$/,
];

/** The budget an API request counts against, or null when it is not limited. */
export function apiBucket(method: string, pathname: string): Bucket | null {
  if (!SAFE_METHODS.has(method.toUpperCase())) return "writes";
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return EXPENSIVE_READS.some((pattern) => pattern.test(path)) ? "reads" : null;
}

/** Who a request counts against: its bearer token, else its signed-in person, else its client address. */
export type Caller = { tokenId?: string | null; userId?: string | null; ip?: string | null };

export function callerKey({ tokenId, userId, ip }: Caller): string | null {
  if (tokenId) return `token:${tokenId}`;
  if (userId) return `user:${userId}`;
  // Without a trusted proxy the app cannot tell anonymous callers apart. One shared budget would let a
  // single client lock everyone else out of signing in, so such callers are not counted at all.
  return ip ? `ip:${ip}` : null;
}

/**
 * The client's address, when it can be trusted. Behind a proxy we trust (AUTH_TRUST_HOST=1), the last
 * X-Forwarded-For entry is the one that proxy appended, i.e. the address it saw; earlier entries are whatever
 * the client sent. Without a trusted proxy the header is the client's own claim (Next only fills it in when
 * it is absent), so it is not used: Next's route handlers expose no socket address.
 */
export function clientIp(forwardedFor: string | null, trustProxy: boolean): string | null {
  if (!trustProxy || !forwardedFor) return null;
  const last = forwardedFor.split(",").at(-1)?.trim() ?? "";
  const address = last.replace(/^\[([^\]]+)\](:\d+)?$/, "$1").replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1");
  return /^[0-9a-fA-F:.]{2,45}$/.test(address) ? address.toLowerCase() : null;
}

/** The state of one key's budget after a request was counted. */
export type RateLimitDecision = { bucket: Bucket; allowed: boolean; limit: number; remaining: number; resetMs: number };

/** Whole seconds until the window resets, at least 1 (a client told "0" would retry at once). */
export function secondsUntilReset(resetMs: number): number {
  return Math.max(1, Math.ceil(resetMs / 1000));
}

export function tooManyRequestsMessage(seconds: number): string {
  return `Too many requests: try again in ${seconds} ${seconds === 1 ? "second" : "seconds"}.`;
}

/**
 * The headers of a limited answer: Retry-After (RFC 9110) and the RateLimit-Policy / RateLimit fields in the
 * structured-field form of draft-ietf-httpapi-ratelimit-headers-09/-10 (`"writes";q=120;w=60` and
 * `"writes";r=0;t=12`), not the older RateLimit-Limit/-Remaining/-Reset trio.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const seconds = secondsUntilReset(decision.resetMs);
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"${decision.bucket}";q=${decision.limit};w=${WINDOW_SECONDS}`,
    RateLimit: `"${decision.bucket}";r=${Math.max(0, decision.remaining)};t=${seconds}`,
  };
  if (!decision.allowed) headers["Retry-After"] = String(seconds);
  return headers;
}
