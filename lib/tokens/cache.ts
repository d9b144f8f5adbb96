// A short-lived, per-process cache of token hash -> user, so an API call does not cost a query just to
// say who is calling. Revocation clears the entry here at once; other instances stop accepting a
// revoked token within TOKEN_CACHE_TTL_MS.
export const TOKEN_CACHE_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

type CachedUser = { id: string; name: string | null; email: string | null };
type Entry = { user: CachedUser; tokenId: string; expiresAt: number };

// On globalThis: Next.js bundles route handlers and server actions separately, and a revocation made
// in one bundle must clear the entry the other reads.
const globalCache = globalThis as unknown as { commonweightsTokenCache?: Map<string, Entry> };
const entries: Map<string, Entry> = (globalCache.commonweightsTokenCache ??= new Map());

export function cachedTokenUser(hash: string, now: number): Entry | null {
  const entry = entries.get(hash);
  if (!entry) return null;
  if (entry.expiresAt <= now) {
    entries.delete(hash);
    return null;
  }
  return entry;
}

export function cacheTokenUser(hash: string, tokenId: string, user: CachedUser, now: number): void {
  if (entries.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: drop the oldest entry.
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(hash, { user, tokenId, expiresAt: now + TOKEN_CACHE_TTL_MS });
}

export function forgetToken(tokenId: string): void {
  for (const [hash, entry] of entries) if (entry.tokenId === tokenId) entries.delete(hash);
}
