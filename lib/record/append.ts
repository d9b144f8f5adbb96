// appendEvent: the only way to write to the governance record, always inside the caller's transaction.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashEvent, type EventContent } from "@/lib/record/canonical";

export type AppendEventInput = {
  spaceId: string | null;
  actorId: string | null;
  type: string;
  subject?: Record<string, unknown>;
  data?: Record<string, unknown>;
  /** When it happened. Only the demo seed backdates; the app always records the present. */
  at?: Date;
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

/**
 * Records one event in the same transaction as the change it describes, so both commit or neither.
 * No lock is taken: positions in a space's log are assigned after commit, by the sequencer.
 */
export async function appendEvent(tx: Tx, input: AppendEventInput): Promise<AppendedEvent> {
  if (!eventType.test(input.type)) throw new Error(`event type '${input.type}' is not of the form area.verb`);
  // JSON round trip: what is hashed must be exactly what Postgres stores (no undefined, no Dates).
  const subject = JSON.parse(JSON.stringify(input.subject ?? {})) as Record<string, unknown>;
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>;
  const createdAt = input.at ?? new Date();
  const content: EventContent = {
    id: randomUUID(),
    space: input.spaceId,
    type: input.type,
    actor: input.actorId,
    subject,
    data,
    at: createdAt.toISOString(),
  };
  const hash = hashEvent(content);
  const row = await tx.governanceEvent.create({
    data: {
      eventId: content.id,
      spaceId: input.spaceId,
      actorId: input.actorId,
      type: input.type,
      subject: subject as Prisma.InputJsonObject,
      data: data as Prisma.InputJsonObject,
      createdAt,
      hash,
    },
    select: { id: true },
  });
  return { id: row.id, eventId: content.id, hash, receipt: hash, createdAt };
}
