// A stored governance_events row and the content its hash and Merkle leaf cover (no I/O).
import { canonicalEvent, type EventContent } from "@/lib/record/canonical";
import { bytesToHex, leafHash } from "@/lib/record/merkle";

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
  typeVersion?: number | null;
  via?: string | null;
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
    // Omitted, not null, when the event predates them: the content its hash covers had no such keys.
    ...(row.typeVersion != null ? { typeVersion: row.typeVersion } : {}),
    ...(row.via != null ? { via: row.via as NonNullable<EventContent["via"]> } : {}),
  };
}

/** The Merkle leaf of an event: SHA-256(0x00 || canonical JSON), hex. */
export function leafHashOf(content: EventContent): string {
  return bytesToHex(leafHash(new TextEncoder().encode(canonicalEvent(content))));
}

/** Columns of governance_events under the names StoredEvent uses, for raw SQL (table alias e). */
export const storedEventColumns = `e.id, e.event_id::text AS "eventId", e.space_id AS "spaceId", e.type, e.actor_id AS "actorId", e.subject, e.data, e.created_at AS "createdAt", e.hash, e.type_version AS "typeVersion", e.via`;
