// Reads for personal access tokens, and bearer authentication.
import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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
  // One round trip: find the live token and its user, and touch last-used when it is over a minute old.
  const rows = await queryRows<{ token_id: string; id: string; name: string | null; email: string | null }>(Prisma.sql`
    WITH token AS (
      SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = ${hash} AND revoked_at IS NULL
    ), touched AS (
      UPDATE api_tokens SET last_used_at = now() FROM token
      WHERE api_tokens.id = token.id
        AND (token.last_used_at IS NULL OR token.last_used_at < now() - make_interval(secs => ${LAST_USED_RESOLUTION_MS / 1000}))
    )
    SELECT token.id AS token_id, users.id, users.name, users.email FROM token JOIN users ON users.id = token.user_id`);
  const row = rows[0];
  if (!row) return null;
  const user = { id: row.id, name: row.name, email: row.email };
  cacheTokenUser(hash, row.token_id, user, now);
  return user;
}
