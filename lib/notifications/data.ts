// Reads of notifications: the event a fan-out is about and its audience, the inbox, and preferences.
// The inbox shows an entry only while its space is public or the reader still a member (visibility holds).
import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InboxEntry } from "@/lib/notifications/rules";
import { publicName } from "@/lib/users/public-name";

export type FanOutEvent = {
  id: string;
  type: string;
  actorId: string | null;
  subject: { decisionId?: string; releaseId?: string; commentId?: string; threadKind?: string; threadId?: string };
  data: Record<string, unknown>;
  createdAt: Date;
  space: { id: string; slug: string; name: string; visibility: "public" | "private" };
  label: string;
};

export async function fanOutEvent(eventId: string): Promise<FanOutEvent | null> {
  const rows = await queryRows<{ id: string; type: string; actor_id: string | null; subject: FanOutEvent["subject"]; data: Record<string, unknown>; created_at: Date; space_id: string; slug: string; name: string; visibility: string; decision_title: string | null; release_label: string | null }>(Prisma.sql`
    SELECT e.id::text AS id, e.type, e.actor_id, e.subject, e.data, e.created_at, s.id AS space_id, s.slug, s.name, s.visibility::text AS visibility,
      (SELECT d.title FROM decisions d WHERE d.id = e.subject->>'decisionId') AS decision_title,
      (SELECT r.model_name || ' ' || r.version FROM releases r WHERE r.id = e.subject->>'releaseId') AS release_label
    FROM governance_events e JOIN spaces s ON s.id = e.space_id
    WHERE e.id = ${BigInt(eventId)}`);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    type: row.type,
    actorId: row.actor_id,
    subject: row.subject,
    data: row.data,
    createdAt: row.created_at,
    space: { id: row.space_id, slug: row.slug, name: row.name, visibility: row.visibility === "public" ? "public" : "private" },
    label: row.decision_title ?? row.release_label ?? "",
  };
}

export type AudienceRow = { user_id: string; is_member: boolean; space_watch: boolean | null; item_watch: boolean | null; channel: string | null };

/** Everyone who might hear about an item of a space: its members and its watchers, with their facts. */
export async function audienceOf({ spaceId, itemIds, kind }: { spaceId: string; itemIds: string[]; kind: string }): Promise<AudienceRow[]> {
  return queryRows<AudienceRow>(Prisma.sql`
    WITH candidates AS (
      SELECT user_id FROM memberships WHERE space_id = ${spaceId}
      UNION SELECT user_id FROM watches WHERE space_id = ${spaceId} AND (item_id = '' OR item_id = ANY(${itemIds}::text[]))
    )
    SELECT c.user_id,
      EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = ${spaceId} AND m.user_id = c.user_id) AS is_member,
      (SELECT w.watching FROM watches w WHERE w.space_id = ${spaceId} AND w.item_id = '' AND w.user_id = c.user_id) AS space_watch,
      (SELECT bool_or(w.watching) FROM watches w WHERE w.space_id = ${spaceId} AND w.item_id = ANY(${itemIds}::text[]) AND w.user_id = c.user_id) AS item_watch,
      (SELECT p.channel FROM notification_preferences p WHERE p.user_id = c.user_id AND p.kind = ${kind}) AS channel
    FROM candidates c`);
}

export type ReminderFacts = {
  decision: { id: string; title: string; status: string; closesAt: Date; spaceId: string };
  space: { slug: string; name: string };
  /** Eligible voters still members who have cast no ballot, with their channel for reminders. */
  voters: Array<{ userId: string; channel: string | null }>;
};

export async function reminderFacts(decisionId: string): Promise<ReminderFacts | null> {
  const decision = await db.decision.findUnique({ where: { id: decisionId }, select: { id: true, title: true, status: true, closesAt: true, spaceId: true, space: { select: { slug: true, name: true } } } });
  if (!decision) return null;
  const voters = await queryRows<{ user_id: string; channel: string | null }>(Prisma.sql`
    SELECT m.user_id, p.channel
    FROM decisions d
    CROSS JOIN LATERAL jsonb_array_elements(d.eligibility) AS v(voter)
    JOIN memberships m ON m.space_id = d.space_id AND m.user_id = v.voter->>'userId'
    LEFT JOIN notification_preferences p ON p.user_id = m.user_id AND p.kind = 'decision_reminder'
    WHERE d.id = ${decisionId}
      AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.decision_id = d.id AND b.voter_id = m.user_id)`);
  return {
    decision: { id: decision.id, title: decision.title, status: decision.status, closesAt: decision.closesAt, spaceId: decision.spaceId },
    space: decision.space,
    voters: voters.map((v) => ({ userId: v.user_id, channel: v.channel })),
  };
}

/** Where the inbox may show a row: a public space, or one the reader is still a member of. */
const visibleToReader = Prisma.sql`(s.visibility = 'public' OR EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = n.space_id AND m.user_id = n.user_id))`;


export async function listInbox(userId: string, { take = 50 }: { take?: number } = {}): Promise<InboxEntry[]> {
  const rows = await queryRows<{ id: string; kind: string; title: string; body: string; path: string; created_at: Date; read_at: Date | null }>(Prisma.sql`
    SELECT n.id, n.kind, n.title, n.body, n.path, n.created_at, n.read_at
    FROM notifications n JOIN spaces s ON s.id = n.space_id
    WHERE n.user_id = ${userId} AND ${visibleToReader}
    ORDER BY n.created_at DESC, n.id DESC LIMIT ${take}`);
  return rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, path: r.path, createdAt: r.created_at.toISOString(), read: r.read_at !== null }));
}

export async function countUnread(userId: string): Promise<number> {
  const rows = await queryRows<{ count: number }>(Prisma.sql`
    SELECT count(*)::int AS count FROM notifications n JOIN spaces s ON s.id = n.space_id
    WHERE n.user_id = ${userId} AND n.read_at IS NULL AND ${visibleToReader}`);
  return rows[0]?.count ?? 0;
}

export async function listPreferences(userId: string): Promise<Record<string, string>> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, channel: true } });
  return Object.fromEntries(rows.map((r) => [r.kind, r.channel]));
}

export async function watchesOf(userId: string, spaceId: string): Promise<Record<string, boolean>> {
  const rows = await db.watch.findMany({ where: { userId, spaceId }, select: { itemId: true, watching: true } });
  return Object.fromEntries(rows.map((r) => [r.itemId, r.watching]));
}

export type DigestRow = { id: string; user_id: string; email: string | null; title: string; body: string; path: string };

/** Notifications waiting for a period's digest, of people who can still see their space. */
export async function pendingDigest(period: "daily" | "weekly"): Promise<DigestRow[]> {
  return queryRows<DigestRow>(Prisma.sql`
    SELECT n.id, n.user_id, u.email, n.title, n.body, n.path
    FROM notifications n JOIN users u ON u.id = n.user_id JOIN spaces s ON s.id = n.space_id
    WHERE n.mail = 'digest' AND n.digest = ${period} AND ${visibleToReader}
    ORDER BY n.user_id, n.created_at`);
}

/** Whether an id is a decision or release of this space (a watch on anything else is refused). */
export async function itemInSpace(spaceId: string, itemId: string): Promise<boolean> {
  const [decision, release] = await Promise.all([
    db.decision.findFirst({ where: { id: itemId, spaceId }, select: { id: true } }),
    db.release.findFirst({ where: { id: itemId, spaceId }, select: { id: true } }),
  ]);
  return Boolean(decision ?? release);
}

export async function userExists(userId: string): Promise<boolean> {
  return (await db.user.findUnique({ where: { id: userId }, select: { id: true } })) !== null;
}

// The mention fan-out's reads: the thread a comment is in (its label and page), its author, and the facts
// about each person it mentions, as they are when the job runs.

export type MentionThread = { label: string; path: string; itemIds: string[] };

/** The thread's label and page; null when the thread is gone or not of this space. */
export async function mentionThread({ spaceId, slug, kind, id }: { spaceId: string; slug: string; kind: string; id: string }): Promise<MentionThread | null> {
  const rows = await queryRows<{ label: string | null; page_kind: string; page_id: string }>(Prisma.sql`
    SELECT d.title AS label, 'decisions' AS page_kind, d.id AS page_id FROM decisions d WHERE ${kind} = 'decision' AND d.id = ${id} AND d.space_id = ${spaceId}
    UNION ALL SELECT r.model_name || ' ' || r.version, 'releases', r.id FROM releases r WHERE ${kind} = 'release' AND r.id = ${id} AND r.space_id = ${spaceId}
    UNION ALL SELECT p.title, 'proposals', p.id FROM proposals p WHERE ${kind} = 'proposal' AND p.id = ${id} AND p.space_id = ${spaceId}
    UNION ALL SELECT a.category || ' audit of ' || r.model_name || ' ' || r.version, 'audits', a.id FROM audit_reports a JOIN releases r ON r.id = a.release_id WHERE ${kind} = 'audit' AND a.id = ${id} AND a.space_id = ${spaceId}
    UNION ALL SELECT c.title, CASE WHEN c.decision_id IS NOT NULL THEN 'decisions' ELSE 'releases' END, coalesce(c.decision_id, c.release_id) FROM concerns c WHERE ${kind} = 'concern' AND c.id = ${id} AND c.space_id = ${spaceId}`);
  const row = rows[0];
  if (!row || !row.page_id) return null;
  // A concern's thread is on its decision's or release's page, opened by the concern's anchor; item watches
  // follow that item too.
  const itemIds = kind === "decision" || kind === "release" || kind === "concern" ? [row.page_id] : [];
  const anchor = kind === "concern" ? `#concern-${id}` : "";
  return { label: row.label ?? "", path: `/s/${slug}/${row.page_kind}/${row.page_id}${anchor}`, itemIds };
}

export type MentionedPerson = { user_id: string; is_member: boolean; channel: string | null };

/** Each mentioned person who still exists, whether they are still a member, and their channel for mentions. */
export async function mentionedPeople({ spaceId, userIds }: { spaceId: string; userIds: string[] }): Promise<MentionedPerson[]> {
  if (userIds.length === 0) return [];
  return queryRows<MentionedPerson>(Prisma.sql`
    SELECT u.id AS user_id,
      EXISTS (SELECT 1 FROM memberships m WHERE m.space_id = ${spaceId} AND m.user_id = u.id) AS is_member,
      (SELECT p.channel FROM notification_preferences p WHERE p.user_id = u.id AND p.kind = 'mention') AS channel
    FROM users u WHERE u.id = ANY(${userIds}::text[])`);
}

/** The author as other people see them: their display name, never their e-mail. */
export async function displayName(userId: string | null): Promise<string> {
  const rows = userId ? await queryRows<{ name: string | null }>(Prisma.sql`SELECT name FROM users WHERE id = ${userId}`) : [];
  return publicName({ name: rows[0]?.name ?? null });
}
