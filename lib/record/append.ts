// appendEvent: the only way to write to the governance record, always inside the caller's transaction.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashEvent, type EventContent } from "@/lib/record/canonical";
import { checkCatalogEvent, currentVersion, definitionOf, type CatalogEvent, type Via } from "@/lib/record/events/catalog";
import { currentVia } from "@/lib/record/via";
import { afterAppendCte } from "@/lib/record/after-append";
import { fanOutEventTypes, mentionEventTypes } from "@/lib/jobs/catalog";
import { enqueueJob } from "@/lib/jobs/enqueue";

/** The log of events outside any space (account-level events). */
export const INSTANCE_LOG = "instance";

/** An event of the catalog (lib/record/events/catalog.ts): its type decides the shape of subject and data. */
export type AppendEventInput = CatalogEvent & {
  spaceId: string | null;
  actorId: string | null;
  /** When it happened. Only the demo seed backdates; the app always records the present. */
  at?: Date;
  /** How the write came; by default what the request's boundary said (lib/record/via.ts), "system" without one. */
  via?: Via;
};

export type AppendedEvent = {
  id: bigint;
  eventId: string;
  hash: string;
  /** What the actor keeps as proof that the event was recorded: the event's hash. */
  receipt: string;
  createdAt: Date;
};

const eventType = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export type PreparedEvent = { content: EventContent; hash: string; createdAt: Date };

/**
 * Validates an event against the catalog and fixes its canonical content and hash, before anything is written.
 * The type system already refuses an uncatalogued type or a wrong shape; this check also stops a JS caller or data
 * that only looked right (a cast, a JSON value) from recording an event the catalog does not describe.
 */
export function prepareEvent(input: AppendEventInput): PreparedEvent {
  const type = String(input.type);
  if (!eventType.test(type)) throw new Error(`event type '${type}' is not of the form area.verb`);
  // JSON round trip: what is hashed must be exactly what Postgres stores (no undefined, no Dates).
  const subject = JSON.parse(JSON.stringify(input.subject ?? {})) as Record<string, unknown>;
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>;
  // Checked against the version it is recorded under: the current one (not version 1, the default for old events).
  const checked = checkCatalogEvent({ type, typeVersion: definitionOf(type)?.version, subject, data });
  if (!checked.ok) throw new Error(`Not recorded: ${checked.reason}`);
  const createdAt = input.at ?? new Date();
  const content: EventContent = {
    id: randomUUID(),
    space: input.spaceId,
    type,
    actor: input.actorId,
    subject,
    data,
    at: createdAt.toISOString(),
    typeVersion: currentVersion(type),
    via: input.via ?? currentVia(input.actorId),
  };
  return { content, hash: hashEvent(content), createdAt };
}

/**
 * SQL for the CTEs recorded_event, after_append (jobs reacting to it) and queued_event, that write a prepared event and its place in the
 * sequencer's queue (log = the space, or "instance"), once per row of `source` (a FROM clause over earlier
 * CTEs; none: exactly once). A hot path can then write its change and its event in one statement.
 */
export function eventInsertCtes({ content, hash, createdAt }: PreparedEvent, source: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`recorded_event AS (
      INSERT INTO governance_events (event_id, space_id, actor_id, type, subject, data, created_at, hash, type_version, via)
      SELECT ${content.id}::uuid, ${content.space}, ${content.actor}, ${content.type}, ${JSON.stringify(content.subject)}::jsonb,
             ${JSON.stringify(content.data)}::jsonb, ${createdAt}::timestamptz, ${hash}, ${content.typeVersion ?? null}::int, ${content.via ?? null} ${source}
      RETURNING id
    ), ${afterAppendCte(content)}, queued_event AS (
      -- Reading after_append here is what runs the hooks (lib/record/after-append.ts), in this same statement.
      INSERT INTO event_queue (event_id, log_id)
      SELECT id, ${content.space ?? INSTANCE_LOG} FROM recorded_event, after_append WHERE after_append.jobs >= 0 RETURNING event_id
    )`;
}

/** Writes a prepared event and its queue entry, in one statement, so the event never exists without it. */
export async function insertEvent(tx: Tx, prepared: PreparedEvent): Promise<AppendedEvent> {
  const [row] = await tx.$queryRaw<Array<{ id: bigint }>>`WITH ${eventInsertCtes(prepared)} SELECT event_id AS id FROM queued_event`;
  if (!row) throw new Error("the event was not recorded");
  return { id: row.id, eventId: prepared.content.id, hash: prepared.hash, receipt: prepared.hash, createdAt: prepared.createdAt };
}

// A comment that mentions nobody has nothing to tell anyone: no fan-out job for it.
const mentionsSomeone = (data: unknown) => Array.isArray((data as { mentions?: unknown } | null)?.mentions) && (data as { mentions: unknown[] }).mentions.length > 0;

/**
 * Records one event in the same transaction as the change it describes, so both commit or neither.
 * No lock is taken: positions in a space's log are assigned after commit, by the sequencer.
 */
export async function appendEvent(tx: Tx, input: AppendEventInput): Promise<AppendedEvent> {
  const event = await insertEvent(tx, prepareEvent(input));
  // An outbox: the fan-out job commits with the event, so a crash after commit still notifies.
  if (fanOutEventTypes.has(input.type) || (mentionEventTypes.has(input.type) && mentionsSomeone(input.data))) {
    await enqueueJob(tx, "notify.fan-out", { eventId: String(event.id) }, { jobKey: `fan-out:${event.id}` });
  }
  return event;
}
