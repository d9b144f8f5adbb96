// Reads for personal access tokens, and bearer authentication.
import "server-only";
import { db } from "@/lib/db";
import { hashToken, looksLikeToken } from "@/lib/tokens/rules";
import { cachedTokenUser, cacheTokenUser } from "@/lib/tokens/cache";

export async function listTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export async function findToken({ userId, tokenId }: { userId: string; tokenId: string }) {
  return db.apiToken.findFirst({ where: { id: tokenId, userId }, select: { id: true, userId: true, revokedAt: true } });
}

// Last-used time is kept to the minute: a write per request would double the cost of every API call.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The user a bearer token belongs to, or null if it is unknown or revoked. */
export async function authenticateToken(token: string) {
  if (!looksLikeToken(token)) return null;
  const hash = hashToken(token);
  const now = Date.now();
  const cached = cachedTokenUser(hash, now);
  if (cached) return cached.user;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!row || row.revokedAt) return null;
  // The cache entry outlives no more than TOKEN_CACHE_TTL_MS, so last-used stays within a minute.
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  cacheTokenUser(hash, row.id, row.user, now);
  return row.user;
}
