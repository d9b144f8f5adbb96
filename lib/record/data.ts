// Reads of the governance record.
import "server-only";
import { db } from "@/lib/db";
import { hashEvent, type EventContent } from "@/lib/record/canonical";

export type StoredEvent = {
  id: bigint;
  eventId: string;
  spaceId: string | null;
  type: string;
  actorId: string | null;
  subject: unknown;
  data: unknown;
  createdAt: Date;
  hash: string;
};

export function contentOf(row: StoredEvent): EventContent {
  return {
    id: row.eventId,
    space: row.spaceId,
    type: row.type,
    actor: row.actorId,
    subject: row.subject as Record<string, unknown>,
    data: row.data as Record<string, unknown>,
    at: row.createdAt.toISOString(),
  };
}

/** True when the stored row still hashes to its recorded hash. */
export function eventHashMatches(row: StoredEvent): boolean {
  return hashEvent(contentOf(row)) === row.hash;
}

export async function listSpaceEvents(spaceId: string, { limit = 20 }: { limit?: number } = {}) {
  return db.governanceEvent.findMany({
    where: { spaceId },
    orderBy: { id: "desc" },
    take: limit,
  });
}

export async function findEventByHash(hash: string) {
  return db.governanceEvent.findUnique({ where: { hash } });
}
