// How endpoints and deliveries are shown (pages and API): dates as ISO text, never the secret.
import type { DeliveryRow } from "@/lib/webhooks/data";

type EndpointRow = { id: string; url: string; description: string; eventTypes: string[]; enabled: boolean; disabledReason: string | null; createdAt: Date };

export const webhookView = (row: EndpointRow) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  eventTypes: row.eventTypes,
  enabled: row.enabled,
  disabledReason: row.disabledReason,
  createdAt: row.createdAt.toISOString(),
});
export type WebhookView = ReturnType<typeof webhookView>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const deliveryView = (row: DeliveryRow) => ({
  id: row.id,
  eventId: row.eventId,
  eventType: row.eventType,
  status: row.status,
  attempts: row.attempts,
  responseStatus: row.responseStatus,
  responseBody: row.responseBody,
  lastError: row.lastError,
  lastAttemptAt: iso(row.lastAttemptAt),
  nextAttemptAt: row.status === "pending" ? iso(row.nextAttemptAt) : null,
  deliveredAt: iso(row.deliveredAt),
  createdAt: row.createdAt.toISOString(),
});
export type DeliveryView = ReturnType<typeof deliveryView>;
