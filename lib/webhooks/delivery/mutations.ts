// The delivery jobs' writes. Each attempt first claims itself and queues its own successor (the watchdog), in
// one transaction, before any network I/O: a worker that dies mid-request leaves that successor to retry
// with the same webhook-id, so nothing is lost. The attempt's answer then replaces or removes the successor.
import "server-only";
import { db, type Tx } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { appendEvent } from "@/lib/record/append";
import { deliveryIdFor, type AttemptOutcome } from "@/lib/webhooks/rules";

export const deliveryJobKey = (deliveryId: string) => `webhook-delivery:${deliveryId}`;
/** graphile-worker's own retries are for crashes of the job itself (the database away); ours are scheduled. */
const jobAttempts = 5;

async function queueAttempt(tx: Tx, deliveryId: string, attempt: number, runAt?: Date) {
  await enqueueJob(tx, "webhooks.deliver", { deliveryId, attempt }, { jobKey: deliveryJobKey(deliveryId), maxAttempts: jobAttempts, runAt });
}

/** One delivery per matching endpoint, once: a second fan-out of the same event adds nothing. */
export async function createDeliveries(event: { id: bigint; eventId: string }, endpointIds: string[]): Promise<number> {
  if (endpointIds.length === 0) return 0;
  return db.$transaction(async (tx) => {
    let created = 0;
    for (const endpointId of endpointIds) {
      const id = deliveryIdFor(endpointId, event.eventId);
      const inserted = await tx.$executeRaw`
        INSERT INTO webhook_deliveries (id, endpoint_id, event_id, next_attempt_at) VALUES (${id}, ${endpointId}, ${event.id}, now())
        ON CONFLICT (endpoint_id, event_id) DO NOTHING`;
      if (inserted > 0) {
        await queueAttempt(tx, id, 1);
        created += 1;
      }
    }
    return created;
  });
}

export type ClaimedAttempt = { endpointId: string; spaceId: string; url: string; secret: string; eventRowId: bigint; attemptInSeries: number };

type Locked = { status: string; attempts: number; series_start: number; endpoint_id: string; event_id: bigint; url: string; secret: string; enabled: boolean; space_id: string };

async function lockDelivery(tx: Tx, deliveryId: string): Promise<Locked | undefined> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT d.status, d.attempts, d.series_start, d.endpoint_id, d.event_id, w.url, w.secret, w.enabled, w.space_id
    FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id WHERE d.id = ${deliveryId} FOR UPDATE OF d`;
  return rows[0];
}

/**
 * Claims attempt `attempt` of a delivery, or answers null when it is not due: the endpoint or delivery is gone,
 * the delivery is settled, or another attempt has already been claimed (a stale job). A disabled endpoint
 * cancels the delivery.
 */
export async function claimAttempt(args: { deliveryId: string; attempt: number; leaseMs: number }): Promise<ClaimedAttempt | null> {
  return db.$transaction(async (tx) => {
    const d = await lockDelivery(tx, args.deliveryId);
    if (!d || d.status !== "pending" || d.attempts !== args.attempt - 1) return null;
    if (!d.enabled) {
      await tx.$executeRaw`UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL, last_error = 'The endpoint was disabled before this attempt.' WHERE id = ${args.deliveryId}`;
      return null;
    }
    const leaseEnds = new Date(Date.now() + args.leaseMs);
    await tx.$executeRaw`UPDATE webhook_deliveries SET attempts = ${args.attempt}, last_attempt_at = now(), next_attempt_at = ${leaseEnds} WHERE id = ${args.deliveryId}`;
    await queueAttempt(tx, args.deliveryId, args.attempt + 1, leaseEnds);
    return { endpointId: d.endpoint_id, spaceId: d.space_id, url: d.url, secret: d.secret, eventRowId: d.event_id, attemptInSeries: args.attempt - d.series_start };
  });
}

export type AttemptAnswer = { status: number | null; body: string | null; error: string | null };

/** Records an attempt's answer, unless a newer attempt (a redelivery) has taken over the delivery meanwhile. */
export async function finishAttempt(args: { deliveryId: string; attempt: number; answer: AttemptAnswer; outcome: AttemptOutcome; retryAt: Date }): Promise<void> {
  const { deliveryId, answer, outcome } = args;
  await db.$transaction(async (tx) => {
    const d = await lockDelivery(tx, deliveryId);
    if (!d || d.status !== "pending" || d.attempts !== args.attempt) return;
    const error = outcome.kind === "gone" ? "The receiver answered 410 Gone: the endpoint is now disabled." : answer.error;
    const status = outcome.kind === "retry" ? "pending" : outcome.kind === "delivered" ? "delivered" : "failed";
    const next = outcome.kind === "retry" ? args.retryAt : null;
    await tx.$executeRaw`
      UPDATE webhook_deliveries SET status = ${status}, response_status = ${answer.status}, response_body = ${answer.body}, last_error = ${error},
        next_attempt_at = ${next}, delivered_at = ${outcome.kind === "delivered" ? new Date() : null}
      WHERE id = ${deliveryId}`;
    if (outcome.kind === "retry") {
      await queueAttempt(tx, deliveryId, args.attempt + 1, args.retryAt);
    } else {
      await tx.$executeRaw`SELECT graphile_worker.remove_job(${deliveryJobKey(deliveryId)})`;
    }
    if (outcome.kind === "gone" && d.enabled) {
      await tx.webhookEndpoint.update({ where: { id: d.endpoint_id }, data: { enabled: false, disabledReason: "gone" } });
      await appendEvent(tx, {
        spaceId: d.space_id,
        actorId: null,
        via: "system",
        type: "webhook.disabled",
        subject: { spaceId: d.space_id, webhookId: d.endpoint_id },
        data: { reason: "gone", status: 410 },
      });
    }
  });
}
