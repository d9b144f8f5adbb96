// Writes for personal access tokens; each records its event in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { generateToken } from "@/lib/tokens/rules";
import { forgetToken } from "@/lib/tokens/cache";

export async function createToken({ userId, name }: { userId: string; name: string }) {
  const secret = generateToken();
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId, name, prefix: secret.displayPrefix, tokenHash: secret.hash },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    const event = await appendEvent(tx, {
      spaceId: null,
      actorId: userId,
      type: "token.created",
      subject: { tokenId: row.id },
      data: { name, prefix: row.prefix },
    });
    // The secret leaves the server once, here, and is never stored.
    return { ...row, token: secret.token, receipt: event.receipt };
  });
}

export async function revokeToken({ userId, tokenId }: { userId: string; tokenId: string }) {
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) return null;
    forgetToken(tokenId);
    const event = await appendEvent(tx, {
      spaceId: null,
      actorId: userId,
      type: "token.revoked",
      subject: { tokenId },
      data: {},
    });
    return { tokenId, receipt: event.receipt };
  });
}
