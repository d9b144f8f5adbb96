// The demo seed's events, held back and written in time order at the end, so the demo's log (and its
// history page) reads chronologically although each feature seeds its own part of a six-month story.
// Only the seed does this; the app records every event in the transaction of its change.
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { insertEvent, prepareEvent, type AppendEventInput, type AppendedEvent, type PreparedEvent } from "@/lib/record/append";

const pending: PreparedEvent[] = [];

/** Same signature and hash as appendEvent; the row is written by flushSeedEvents. */
export async function appendEvent(_tx: Tx, input: AppendEventInput): Promise<AppendedEvent> {
  const prepared = prepareEvent(input);
  pending.push(prepared);
  return { id: -1n, eventId: prepared.content.id, hash: prepared.hash, receipt: prepared.hash, createdAt: prepared.createdAt };
}

export async function flushSeedEvents(): Promise<number> {
  // Array.prototype.sort is stable: events with the same time keep the order they were seeded in.
  const ordered = pending.splice(0).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await db.$transaction(async (tx) => {
    for (const event of ordered) await insertEvent(tx, event);
  });
  return ordered.length;
}
