// Pure rules of webhook delivery: retry schedule, filters, outcomes, ids, secrets and the payload. No I/O.
import { createHash } from "node:crypto";

/** Attempts in one series (the first delivery, or a redelivery) before the delivery is marked failed. */
export const MAX_ATTEMPTS = 8;
/** The longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60_000;
/** How much of a receiver's answer the log keeps. */
export const RESPONSE_BODY_LIMIT = 1000;

/**
 * The wait before the next attempt, after `attempt` failed ones (1-based): base·2^(attempt-1), capped, then
 * spread by ±20 % (`random` in [0, 1)) so many failed deliveries do not all come back at the same instant.
 */
export function retryDelayMs(attempt: number, random: number, baseMs = 30_000): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const delay = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** exponent);
  const jitter = 0.8 + 0.4 * Math.min(Math.max(random, 0), 0.999_999);
  return Math.round(delay * jitter);
}

/** An endpoint's filter: no types means every type. */
export function matchesFilter(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.length === 0 || eventTypes.includes(type);
}

export type AttemptOutcome = { kind: "delivered" } | { kind: "gone" } | { kind: "retry" } | { kind: "failed" };

/**
 * What an attempt's answer means: 2xx delivered; 410 Gone disables the endpoint (the Standard Webhooks
 * convention); anything else (or no answer) is retried until the series has used MAX_ATTEMPTS.
 */
export function attemptOutcome(status: number | null, attemptInSeries: number): AttemptOutcome {
  if (status !== null && status >= 200 && status < 300) return { kind: "delivered" };
  if (status === 410) return { kind: "gone" };
  return attemptInSeries >= MAX_ATTEMPTS ? { kind: "failed" } : { kind: "retry" };
}

/** Stable per (endpoint, event): the same webhook-id on every retry and redelivery, so receivers can dedupe. */
export function deliveryIdFor(endpointId: string, eventId: string): string {
  return `msg_${createHash("sha256").update(`${endpointId}:${eventId}`).digest("base64url").slice(0, 27)}`;
}

/** A Standard Webhooks secret from 24 random bytes (the caller draws them). */
export function secretFrom(bytes: Uint8Array): string {
  return `whsec_${Buffer.from(bytes).toString("base64")}`;
}

export function truncate(text: string, limit = RESPONSE_BODY_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/** The host the record names for an endpoint: never the whole URL, whose path or query may hold a token. */
export function hostOf(url: string): string {
  return new URL(url).host;
}

export type RecordedEvent = {
  eventId: string;
  type: string;
  typeVersion: number;
  subject: Record<string, unknown>;
  data: Record<string, unknown>;
  createdAt: Date;
  seq: number | null;
  spaceSlug: string;
};

const subjectPages: Array<[key: string, path: string]> = [
  ["decisionId", "decisions"],
  ["reportId", "audits"],
  ["releaseId", "releases"],
];

/** The page a person opens for the event's subject: the most specific one its subject names. */
export function subjectPath(slug: string, subject: Record<string, unknown>): string {
  for (const [key, path] of subjectPages) {
    const value = subject[key];
    if (typeof value === "string") return `/s/${slug}/${path}/${encodeURIComponent(value)}`;
  }
  if (typeof subject.userId === "string") return `/s/${slug}/members`;
  return `/s/${slug}`;
}

/** The body of a delivery: the catalog event as the record keeps it, plus links to read it in the app and the API. */
export function webhookPayload(event: RecordedEvent, origin: string) {
  const slug = encodeURIComponent(event.spaceSlug);
  const api = event.seq === null ? `${origin}/api/v1/spaces/${slug}/events` : `${origin}/api/v1/spaces/${slug}/events?after=${event.seq - 1}&limit=1`;
  return {
    id: event.eventId,
    type: event.type,
    typeVersion: event.typeVersion,
    space: event.spaceSlug,
    subject: event.subject,
    data: event.data,
    createdAt: event.createdAt.toISOString(),
    ...(event.seq === null ? {} : { seq: event.seq }),
    links: {
      event: `${origin}/s/${slug}/history`,
      subject: `${origin}${subjectPath(event.spaceSlug, event.subject)}`,
      api,
    },
  };
}
