// Writes of notifications: inbox rows with their e-mail jobs (one transaction per batch, idempotent by the
// dedupe key), the e-mail's claim and outcome, read marks, preferences and watches. None is a governance
// event: they are a person's own settings and mail, not decisions of a space (README, "Notifications").
import "server-only";
import { randomUUID } from "node:crypto";
import { db, dbPool, type Tx } from "@/lib/db";
import { enqueueJobs } from "@/lib/jobs/enqueue";
import type { Notice } from "@/lib/notifications/rules";

export type NewNotification = { userId: string; dedupeKey: string; mail: "none" | "pending" | "digest"; digest: "daily" | "weekly" | null };

/**
 * Writes one batch of inbox rows and, for the rows this call inserted and that owe an e-mail at once, one
 * e-mail job each, in one transaction. A row that exists already (a retried fan-out) is skipped with its job.
 */
export async function writeNotifications({ spaceId, notice, itemIds, rows }: { spaceId: string; notice: Notice; itemIds: string[]; rows: NewNotification[] }): Promise<number> {
  if (rows.length === 0) return 0;
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$queryRaw<Array<{ id: string; mail: string }>>`
        INSERT INTO notifications (id, user_id, space_id, dedupe_key, kind, title, body, path, item_ids, mail, digest)
        SELECT r.id, r.user_id, ${spaceId}, r.dedupe_key, ${notice.kind}, ${notice.title}, ${notice.body}, ${notice.path}, ${itemIds}::text[], r.mail, r.digest
        FROM unnest(${rows.map(() => randomUUID())}::text[], ${rows.map((r) => r.userId)}::text[], ${rows.map((r) => r.dedupeKey)}::text[], ${rows.map((r) => r.mail)}::text[], ${rows.map((r) => r.digest)}::text[])
          AS r(id, user_id, dedupe_key, mail, digest)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id, mail`;
      const mails = inserted.filter((row) => row.mail === "pending");
      await enqueueJobs(tx, "notify.email", mails.map((row) => ({ payload: { notificationId: row.id }, options: { jobKey: `mail:${row.id}` } })));
      return inserted.length;
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

export type PendingMail = {
  id: string;
  user_id: string;
  email: string | null;
  kind: string;
  title: string;
  body: string;
  path: string;
  visibility: string;
  is_member: boolean;
  space_watch: boolean | null;
  item_watch: boolean | null;
  voted: boolean;
};

/**
 * Runs `send` while holding the notification's row lock, and records what it returns: the e-mail is marked
 * sent only in the transaction that sent it. A worker killed mid-send leaves the row pending (its transaction
 * dies with its connection), so the retry sends it. The lock is waited for, not skipped: a dead worker's
 * backend may hold it a moment longer, and a live twin's finishes with the row sent, which this then skips.
 */
export async function withPendingMail(notificationId: string, send: (mail: PendingMail) => Promise<"sent" | "skipped">): Promise<"sent" | "skipped" | "none"> {
  // Straight on the pool, not a Prisma interactive transaction: this runs once per e-mail, 10,000 times for
  // one vote in a large space, and Prisma's transaction costs more CPU than the statements do.
  const client = await dbPool().connect();
  try {
    await client.query("BEGIN");
    // A lock still held after this long fails the job, and graphile-worker retries it later.
    await client.query("SET LOCAL lock_timeout = '30s'");
    const { rows } = await client.query<PendingMail>(
      `SELECT n.id, n.user_id, u.email, n.kind, n.title, n.body, n.path, s.visibility::text AS visibility,
          EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = n.space_id AND m.user_id = n.user_id) AS is_member,
          (SELECT w.watching FROM watches w WHERE w.space_id = n.space_id AND w.item_id = '' AND w.user_id = n.user_id) AS space_watch,
          (SELECT bool_or(w.watching) FROM watches w WHERE w.space_id = n.space_id AND w.item_id = ANY(n.item_ids) AND w.user_id = n.user_id) AS item_watch,
          EXISTS (SELECT 1 FROM ballots b WHERE b.decision_id = ANY(n.item_ids) AND b.voter_id = n.user_id) AS voted
        FROM notifications n JOIN users u ON u.id = n.user_id JOIN spaces s ON s.id = n.space_id
        WHERE n.id = $1 AND n.mail = 'pending'
        FOR UPDATE OF n`,
      [notificationId],
    );
    const row = rows[0];
    if (!row) {
      await client.query("COMMIT");
      return "none";
    }
    const outcome = await send(row);
    await client.query("UPDATE notifications SET mail = $2, mailed_at = CASE WHEN $2 = 'sent' THEN now() END WHERE id = $1", [row.id, outcome]);
    await client.query("COMMIT");
    return outcome;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function markDigested(ids: string[], now: Date): Promise<void> {
  await db.notification.updateMany({ where: { id: { in: ids }, mail: "digest" }, data: { mail: "sent", mailedAt: now } });
}

export async function markDigestSkipped(ids: string[]): Promise<void> {
  await db.notification.updateMany({ where: { id: { in: ids }, mail: "digest" }, data: { mail: "skipped" } });
}

export async function markRead({ userId, ids, now }: { userId: string; ids: string[] | "all"; now: Date }): Promise<number> {
  const where = ids === "all" ? { userId, readAt: null } : { userId, readAt: null, id: { in: ids } };
  const { count } = await db.notification.updateMany({ where, data: { readAt: now } });
  return count;
}

export async function savePreferences({ userId, channels, now }: { userId: string; channels: Record<string, string>; now: Date }): Promise<void> {
  await db.$transaction(async (tx: Tx) => {
    for (const [kind, channel] of Object.entries(channels)) {
      await tx.notificationPreference.upsert({ where: { userId_kind: { userId, kind } }, create: { userId, kind, channel, updatedAt: now }, update: { channel, updatedAt: now } });
    }
  });
}

export async function saveWatch({ userId, spaceId, itemId, watching, now }: { userId: string; spaceId: string; itemId: string; watching: boolean | null; now: Date }): Promise<void> {
  if (watching === null) {
    await db.watch.deleteMany({ where: { userId, spaceId, itemId } });
    return;
  }
  await db.watch.upsert({ where: { spaceId_itemId_userId: { spaceId, itemId, userId } }, create: { userId, spaceId, itemId, watching, updatedAt: now }, update: { watching, updatedAt: now } });
}
