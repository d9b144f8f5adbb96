// Writes outside Auth.js's own flow: the demo sign-in, and claiming an identity that arrived with an imported archive.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { identityHash, issuerOf } from "@/lib/auth/issuer";
import { appendEvent } from "@/lib/record/append";

const DEMO_SESSION_DAYS = 7;

/** Creates a session exactly as Auth.js stores one, so everything downstream takes the real path. */
export async function createDemoSession(userId: string) {
  const user = await db.user.findFirst({ where: { id: userId, isDemo: true }, select: { id: true } });
  if (!user) return null;
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + DEMO_SESSION_DAYS * 24 * 3600 * 1000);
  await db.session.create({ data: { sessionToken, userId: user.id, expires } });
  return { sessionToken, expires };
}

// Claiming: signing in here with the same provider account (issuer and subject) the person had at the origin, or an
// operator mapping one to them. The account is then linked to the imported person, who keeps their roles and history
// under their original id (lib/archive/).
export type ProviderAccount = { provider: string; providerAccountId: string; type: string };
export type ClaimedUser = { id: string; name: string | null; email: string | null; emailVerified: Date | null; image: string | null };

/**
 * Links `account` to the unclaimed imported person whose identities include its (issuer, subject) hash, and returns
 * them; null when nobody is waiting for this account (the caller signs the person up as usual). One person at most:
 * if two imported people claim the same account, neither is taken silently (an operator maps the right one).
 */
export async function claimImportedIdentity(account: ProviderAccount, how: "sign-in" | "mapped" = "sign-in", userId?: string): Promise<ClaimedUser | null> {
  const hash = identityHash(issuerOf(account.provider), account.providerAccountId);
  return db.$transaction(async (tx) => {
    const waiting = await tx.importedIdentity.findMany({
      where: { claimedAt: null, ...(userId ? { userId } : { identities: { has: hash } }) },
      select: { userId: true },
      take: 2,
    });
    if (waiting.length !== 1) return null;
    const person = waiting[0]!.userId;
    await tx.account.create({ data: { userId: person, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId } });
    await tx.importedIdentity.update({ where: { userId: person }, data: { claimedAt: new Date() } });
    await appendEvent(tx, { spaceId: null, actorId: person, type: "identity.claimed", subject: { userId: person }, data: { how }, via: how === "mapped" ? "system" : "session" });
    return tx.user.findUniqueOrThrow({ where: { id: person }, select: { id: true, name: true, email: true, emailVerified: true, image: true } });
  });
}
