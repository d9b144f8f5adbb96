// Reads of the governance record.
import "server-only";
import { db, queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashEvent } from "@/lib/record/canonical";
import { contentOf, storedEventColumns, type StoredEvent } from "@/lib/record/event-content";
import type { SignedCheckpoint } from "@/lib/record/checkpoint";
import { checkpointNoteBody, formatNote } from "@/lib/record/note";
import { importedKeyOrigin } from "@/lib/record/imported-key";
import { checkpointOrigin, logIdOf, sequenceLog } from "@/lib/record/sequencer";

export { contentOf, type StoredEvent };

/** True when the stored row still hashes to its recorded hash. */
export function eventHashMatches(row: StoredEvent): boolean {
  return hashEvent(contentOf(row)) === row.hash;
}

export async function listSpaceEvents(spaceId: string, { limit = 20 }: { limit?: number } = {}) {
  return db.governanceEvent.findMany({
    where: { spaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export async function findEventByHash(hash: string) {
  return db.governanceEvent.findUnique({ where: { hash } });
}

export type HistoryEvent = StoredEvent & { seq: number | null };

export type HistoryFilters = {
  type?: string; // an exact type ("ballot.cast") or an area ("ballot")
  actorId?: string;
  subject?: string; // any id in the event's subject (a release, report, finding, decision or user id)
  from?: Date;
  to?: Date; // exclusive
  q?: string; // Postgres full-text search over type, subject and data
};

const columns = Prisma.raw(storedEventColumns);


function historyWhere(spaceId: string, f: HistoryFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`e.space_id = ${spaceId}`];
  if (f.type) parts.push(Prisma.sql`(e.type = ${f.type} OR starts_with(e.type, ${`${f.type}.`}))`);
  if (f.actorId) parts.push(Prisma.sql`e.actor_id = ${f.actorId}`);
  if (f.subject) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM jsonb_each_text(e.subject) s WHERE s.value = ${f.subject})`);
  if (f.from) parts.push(Prisma.sql`e.created_at >= ${f.from}::timestamptz`);
  if (f.to) parts.push(Prisma.sql`e.created_at < ${f.to}::timestamptz`);
  // The search rows of the event_search table (docs/record.md), found by its GIN index.
  if (f.q) parts.push(Prisma.sql`e.id IN (SELECT s.event_id FROM event_search s WHERE s.space_id = ${spaceId} AND s.doc @@ websearch_to_tsquery('english', ${f.q}))`);
  return Prisma.join(parts, " AND ");
}

/**
 * One page of a space's history, newest first. Keyset pagination: a page is "events older than `before`", so
 * events arriving meanwhile never shift or repeat what the reader sees next. Filtered by date, the order is by
 * time then id: Postgres can then read just that stretch of (space_id, created_at, id); by id alone it walks
 * the whole log back from the newest event to reach an old date.
 */
export async function listHistory(spaceId: string, filters: HistoryFilters, { before, limit = 50 }: { before?: bigint; limit?: number } = {}) {
  const byTime = Boolean(filters.from || filters.to);
  const cursor =
    before === undefined
      ? Prisma.empty
      : byTime
        ? Prisma.sql`AND (e.created_at, e.id) < (SELECT created_at, id FROM governance_events WHERE id = ${before})`
        : Prisma.sql`AND e.id < ${before}`;
  const order = byTime ? Prisma.sql`ORDER BY e.created_at DESC, e.id DESC` : Prisma.sql`ORDER BY e.id DESC`;
  const rows = await db.$queryRaw<HistoryEvent[]>`
    SELECT ${columns}, p.seq FROM governance_events e LEFT JOIN event_positions p ON p.event_id = e.id
    WHERE ${historyWhere(spaceId, filters)} ${cursor}
    ${order} LIMIT ${limit + 1}`;
  const events = rows.slice(0, limit);
  const last = events[events.length - 1];
  return { events, nextBefore: rows.length > limit && last ? last.id : null };
}

/**
 * Titles of the decisions and releases a page of events is about ("Release Lumen-7B 2.0", "Lumen-7B 2.0"), by id, so
 * history can say what an entry is about: events keep only their ids. Only this space's, two index lookups per page.
 */
export async function subjectTitles(spaceId: string, events: Array<{ subject: unknown }>): Promise<Record<string, string>> {
  const ids = (...keys: string[]) => [
    ...new Set(events.flatMap((e) => keys.map((key) => (e.subject as Record<string, unknown> | null)?.[key])).filter((id): id is string => typeof id === "string")),
  ];
  // A thread's id names a release, decision, proposal, audit report or concern.
  const [decisions, releases, proposals, reports, concerns] = [ids("decisionId", "threadId"), ids("releaseId", "threadId"), ids("proposalId", "threadId"), ids("reportId", "threadId"), ids("threadId")];
  // Each read is bounded by the space: an id of another space's item gets no title (and so no link).
  const [decisionRows, releaseRows, proposalRows, reportRows, concernRows] = await Promise.all([
    decisions.length ? db.decision.findMany({ where: { spaceId, id: { in: decisions } }, select: { id: true, title: true } }) : [],
    releases.length ? db.release.findMany({ where: { spaceId, id: { in: releases } }, select: { id: true, modelName: true, version: true } }) : [],
    proposals.length ? db.proposal.findMany({ where: { spaceId, id: { in: proposals } }, select: { id: true, title: true } }) : [],
    reports.length ? db.auditReport.findMany({ where: { spaceId, id: { in: reports } }, select: { id: true, category: true } }) : [],
    concerns.length ? db.concern.findMany({ where: { spaceId, id: { in: concerns } }, select: { id: true, title: true } }) : [],
  ]);
  return Object.fromEntries([
    ...decisionRows.map((d) => [d.id, d.title]),
    ...releaseRows.map((r) => [r.id, `${r.modelName} ${r.version}`]),
    ...proposalRows.map((p) => [p.id, p.title]),
    ...reportRows.map((r) => [r.id, `the ${r.category.replace(/-/g, " ")} audit report`]),
    ...concernRows.map((c) => [c.id, c.title]),
  ]);
}

/** Event types seen recently in a space (for the filter's suggestions) without scanning the whole log. */
export async function recentEventTypes(spaceId: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ type: string }>>`
    SELECT DISTINCT type FROM (SELECT type FROM governance_events WHERE space_id = ${spaceId} ORDER BY id DESC LIMIT 2000) t ORDER BY type`;
  return rows.map((r) => r.type);
}

/** The events whose subject contains all the given ids (jsonb containment), newest first. */
export async function listSubjectEvents(spaceId: string, subject: Record<string, string>, limit = 20): Promise<HistoryEvent[]> {
  return db.$queryRaw<HistoryEvent[]>`
    SELECT ${columns}, p.seq FROM governance_events e LEFT JOIN event_positions p ON p.event_id = e.id
    WHERE e.space_id = ${spaceId} AND e.subject @> ${JSON.stringify(subject)}::jsonb
    ORDER BY e.id DESC LIMIT ${limit}`;
}

export async function eventAtSeq(logId: string, seq: number): Promise<(HistoryEvent & { leafHash: string }) | null> {
  const [row] = await db.$queryRaw<Array<HistoryEvent & { leafHash: string }>>`
    SELECT ${columns}, p.seq, p.leaf_hash AS "leafHash" FROM event_positions p JOIN governance_events e ON e.id = p.event_id
    WHERE p.log_id = ${logId} AND p.seq = ${seq}`;
  return row ?? null;
}

/** Sequenced events after `after` (a seq; -1 for the start), in log order, with a committed text where it still exists: the JSON export's pages. */
export async function listSequencedEvents(logId: string, { after, limit }: { after: number; limit: number }) {
  return db.$queryRaw<Array<HistoryEvent & { seq: number; leafHash: string; textBody: string | null; textSalt: string | null }>>`
    SELECT ${columns}, p.seq, p.leaf_hash AS "leafHash", t.body AS "textBody", t.salt AS "textSalt"
    FROM event_positions p JOIN governance_events e ON e.id = p.event_id LEFT JOIN record_texts t ON t.event_id = e.event_id
    WHERE p.log_id = ${logId} AND p.seq > ${after} ORDER BY p.seq LIMIT ${limit}`;
}

/**
 * The export lines of seq in [from, to) as one text, newline-separated: Postgres builds and joins them, and the pool
 * hands that one value over without Prisma's row handling, so Node does no per-event work. The event's own keys are written in RFC 8785 order
 * (actor, at, data, id, space, subject, type, typeVersion, v, via; the last two only when recorded, as contentOf leaves them out),
 * which spares the verifier sorting them; subject and data keep jsonb's text form (the verifier re-serialises them).
 * A committed text that still exists (record_texts) rides beside its event as "text": {body, salt}, outside the hashed
 * content, so deleting it redacts the text without changing a hash. created_at is timestamptz(3): to_char reproduces toISOString(). The LATERAL ... LIMIT 1 is one index probe per
 * position: with a plain join the planner picked parallel plans, or a hash join over every space's events per chunk,
 * at 20-30% more CPU. Empty when the range holds no events.
 */
export async function exportText(logId: string, from: number, to: number): Promise<string> {
  const [row] = await queryRows<{ lines: string | null }>(exportLinesSql(logId, from, to));
  return row?.lines ?? "";
}

/** The query behind exportText, for a caller that reads inside its own transaction (the space archive's snapshot). */
export function exportLinesSql(logId: string, from: number, to: number): Prisma.Sql {
  return Prisma.sql`
    SELECT string_agg(
      '{"seq":' || p.seq || ',"leafHash":"' || p.leaf_hash || '","hash":"' || e.hash || '","event":{"actor":' || coalesce(to_json(e.actor_id)::text, 'null') ||
      ',"at":"' || to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","data":' || e.data::text || ',"id":"' || e.event_id ||
      '","space":' || coalesce(to_json(e.space_id)::text, 'null') || ',"subject":' || e.subject::text || ',"type":' || to_json(e.type)::text ||
      coalesce(',"typeVersion":' || e.type_version, '') || ',"v":1' || coalesce(',"via":' || to_json(e.via)::text, '') || '}' ||
      coalesce(',"text":{"body":' || to_json(t.body)::text || ',"salt":"' || t.salt || '"}', '') || '}',
      E'\n' ORDER BY p.seq) AS lines
    FROM event_positions p CROSS JOIN LATERAL (SELECT * FROM governance_events g WHERE g.id = p.event_id LIMIT 1) e
    LEFT JOIN record_texts t ON t.event_id = e.event_id
    WHERE p.log_id = ${logId} AND p.seq >= ${from} AND p.seq < ${to}`;
}

/**
 * A vote receipt (an event's hash) and its position in its log once sequenced. The log is sequenced first,
 * so a receipt from a committed event always comes back with its position.
 */
export async function findReceipt(hash: string): Promise<{ event: StoredEvent; position: { logId: string; seq: number } | null } | null> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const event = await db.governanceEvent.findUnique({ where: { hash } });
  if (!event) return null;
  const logId = logIdOf(event.spaceId);
  let position = await db.eventPosition.findUnique({ where: { eventId: event.id } });
  if (!position) {
    await sequenceLog(logId, { wait: true });
    position = await db.eventPosition.findUnique({ where: { eventId: event.id } });
  }
  return { event, position: position ? { logId: position.logId, seq: position.seq } : null };
}

/** A checkpoint in its JSON form; `note` is the same tree head as a C2SP signed note, with witnesses' cosignatures. */
export type LogCheckpoint = SignedCheckpoint & { keyId: string; note?: string };

type CheckpointRow = {
  logId: string; size: number; rootHash: string; timestamp: Date; signature: string; keyId: string;
  origin: string | null; noteSignature: string | null; cosignatures: Array<{ line: string }>;
};

function toSigned(row: CheckpointRow): LogCheckpoint {
  const signed: LogCheckpoint = { origin: checkpointOrigin(row.logId), size: row.size, rootHash: row.rootHash, timestamp: row.timestamp.toISOString(), signature: row.signature, keyId: row.keyId };
  if (row.origin && row.noteSignature) {
    const body = checkpointNoteBody({ origin: row.origin, size: row.size, rootHash: row.rootHash });
    signed.note = formatNote(body, [row.noteSignature, ...row.cosignatures.map((c) => c.line)]);
  }
  return signed;
}

const withCosignatures = { cosignatures: { orderBy: [{ witness: "asc" as const }, { keyId: "asc" as const }], select: { line: true } } };

export async function latestCheckpoint(logId: string): Promise<LogCheckpoint | null> {
  const row = await db.checkpoint.findFirst({ where: { logId }, orderBy: { size: "desc" }, include: withCosignatures });
  return row ? toSigned(row) : null;
}

export async function checkpointAt(logId: string, size: number): Promise<LogCheckpoint | null> {
  const row = await db.checkpoint.findUnique({ where: { logId_size: { logId, size } }, include: withCosignatures });
  return row ? toSigned(row) : null;
}

/** Stored leaf hashes of positions [from, to), in order. */
export async function readLeafHashes(logId: string, from: number, to: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ leaf_hash: string }>>`
    SELECT leaf_hash FROM event_positions WHERE log_id = ${logId} AND seq >= ${from} AND seq < ${to} ORDER BY seq`;
  return rows.map((r) => r.leaf_hash);
}

/** The base64 public key that signed a checkpoint (kept for every key the instance ever used). */
export async function publicKeyFor(keyId: string): Promise<string | null> {
  return (await db.signingKey.findUnique({ where: { keyId }, select: { publicKey: true } }))?.publicKey ?? null;
}

/** Every public key that ever signed checkpoints here (to verify old ones), newest first. */
/**
 * The public keys this instance holds: its own (which sign its logs), and those that arrived with archives, each named
 * with the origin that holds its private half and the logs here it signed (mirrors, and forks up to their import).
 */
export async function publishedKeys() {
  const rows = await db.signingKey.findMany({ orderBy: { createdAt: "desc" }, select: { keyId: true, publicKey: true, privateKey: true, createdAt: true } });
  const own = rows.filter((r) => importedKeyOrigin(r.privateKey) === null);
  const imported = rows.filter((r) => importedKeyOrigin(r.privateKey) !== null);
  const signed = imported.length
    ? await db.$queryRaw<Array<{ key_id: string; slug: string }>>`
        SELECT DISTINCT c.key_id, s.slug FROM checkpoints c JOIN spaces s ON s.id = c.log_id WHERE c.key_id = ANY(${imported.map((r) => r.keyId)}::text[]) ORDER BY s.slug`
    : [];
  return {
    own: own.map((r) => ({ keyId: r.keyId, publicKey: r.publicKey, createdAt: r.createdAt.toISOString() })),
    imported: imported.map((r) => ({
      keyId: r.keyId,
      publicKey: r.publicKey,
      origin: importedKeyOrigin(r.privateKey)!,
      spaces: signed.filter((s) => s.key_id === r.keyId).map((s) => s.slug),
    })),
  };
}

/** The public half of the key that signed a checkpoint, and the origin holding it when it arrived with an archive. */
export async function checkpointSigner(keyId: string): Promise<{ publicKey: string; importedFrom: string | null } | null> {
  const row = await db.signingKey.findUnique({ where: { keyId }, select: { publicKey: true, privateKey: true } });
  return row ? { publicKey: row.publicKey, importedFrom: importedKeyOrigin(row.privateKey) } : null;
}

/** Whether a log has events waiting for a position (one index probe; lets read paths skip the sequencer's lock). */
export async function hasQueuedEvents(logId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<Array<{ queued: boolean }>>`SELECT EXISTS (SELECT 1 FROM event_queue WHERE log_id = ${logId}) AS queued`;
  return Boolean(row?.queued);
}

/** About how many of a space's events search cannot find yet: an import's, until lib/record/mutations/search.ts writes them (an upper bound: ranges may hold other spaces' ids). */
export async function searchBacklogSize(spaceId: string): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ left: bigint | null }>>`SELECT sum(to_id - from_id + 1)::bigint AS "left" FROM search_backlog WHERE space_id = ${spaceId}`;
  return Number(row?.left ?? 0);
}
