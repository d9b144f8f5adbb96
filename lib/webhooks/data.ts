// Reads of webhook endpoints, their delivery log, and the recorded events a delivery carries.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RecordedEvent } from "@/lib/webhooks/rules";

const endpointFields = { id: true, url: true, description: true, eventTypes: true, enabled: true, disabledReason: true, createdAt: true } as const;

export async function listWebhooks(spaceId: string) {
  return db.webhookEndpoint.findMany({ where: { spaceId }, orderBy: { createdAt: "asc" }, select: endpointFields });
}

/** One endpoint of a space; another space's endpoint is not found. */
export async function getWebhook(spaceId: string, webhookId: string) {
  return db.webhookEndpoint.findFirst({ where: { id: webhookId, spaceId }, select: endpointFields });
}

export type DeliveryRow = {
  id: string;
  eventId: string;
  eventType: string;
  status: "pending" | "delivered" | "failed" | "cancelled";
  attempts: number;
  responseStatus: number | null;
  responseBody: string | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
};

const deliverySelect = Prisma.sql`
  SELECT d.id, e.event_id::text AS "eventId", e.type AS "eventType", d.status, d.attempts, d.response_status AS "responseStatus",
         d.response_body AS "responseBody", d.last_error AS "lastError", d.last_attempt_at AS "lastAttemptAt",
         d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt", d.created_at AS "createdAt"
  FROM webhook_deliveries d JOIN governance_events e ON e.id = d.event_id`;

/** The newest deliveries to an endpoint first. */
export async function listDeliveries(endpointId: string, limit = 50): Promise<DeliveryRow[]> {
  return db.$queryRaw<DeliveryRow[]>`${deliverySelect} WHERE d.endpoint_id = ${endpointId} ORDER BY d.created_at DESC, d.id LIMIT ${limit}`;
}

export async function getDelivery(endpointId: string, deliveryId: string): Promise<DeliveryRow | null> {
  const rows = await db.$queryRaw<DeliveryRow[]>`${deliverySelect} WHERE d.endpoint_id = ${endpointId} AND d.id = ${deliveryId}`;
  return rows[0] ?? null;
}

/** The event a fan-out job names: only events of a space are ever delivered. */
export async function eventToFanOut(eventId: string) {
  const rows = await db.$queryRaw<Array<{ id: bigint; spaceId: string; type: string }>>`
    SELECT id, space_id AS "spaceId", type FROM governance_events WHERE event_id = ${eventId}::uuid AND space_id IS NOT NULL`;
  return rows[0] ?? null;
}

/** The endpoints of this space that are on now (their filters are applied by the caller). */
export async function enabledWebhooks(spaceId: string) {
  return db.webhookEndpoint.findMany({ where: { spaceId, enabled: true }, select: { id: true, eventTypes: true } });
}

/** The event as the record keeps it, with its space's slug and (once sealed) its position in the log. */
export async function recordedEvent(id: bigint): Promise<RecordedEvent | null> {
  const rows = await db.$queryRaw<Array<Omit<RecordedEvent, "typeVersion"> & { typeVersion: number | null }>>`
    SELECT e.event_id::text AS "eventId", e.type, e.type_version AS "typeVersion", e.subject, e.data, e.created_at AS "createdAt",
           p.seq, s.slug AS "spaceSlug"
    FROM governance_events e JOIN spaces s ON s.id = e.space_id LEFT JOIN event_positions p ON p.event_id = e.id
    WHERE e.id = ${id}`;
  const row = rows[0];
  return row ? { ...row, typeVersion: row.typeVersion ?? 1 } : null;
}
