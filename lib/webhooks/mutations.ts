// Stewards' writes of webhook endpoints; each appends its catalog event in the same transaction (never the secret).
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { appendEvent } from "@/lib/record/append";
import { hostOf, secretFrom } from "@/lib/webhooks/rules";
import { deliveryJobKey } from "@/lib/webhooks/delivery/mutations";

type Settings = { url: string; description: string; eventTypes: string[]; enabled: boolean };
const recorded = (s: Settings) => ({ host: hostOf(s.url), description: s.description, eventTypes: s.eventTypes, enabled: s.enabled });
const newSecret = () => secretFrom(randomBytes(24));

export async function createWebhook(args: Settings & { spaceId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const secret = newSecret();
    const endpoint = await tx.webhookEndpoint.create({
      data: { spaceId: args.spaceId, url: args.url, description: args.description, eventTypes: args.eventTypes, enabled: args.enabled, secret, createdById: args.actorId },
    });
    await appendEvent(tx, { spaceId: args.spaceId, actorId: args.actorId, type: "webhook.created", subject: { spaceId: args.spaceId, webhookId: endpoint.id }, data: recorded(args) });
    return { id: endpoint.id, secret };
  });
}

export type WebhookChange = Partial<Settings>;

/** Applies the fields that differ; answers null when nothing did (no event is recorded for no change). */
export async function updateWebhook(args: { spaceId: string; webhookId: string; actorId: string; change: WebhookChange }) {
  return db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id: args.webhookId, spaceId: args.spaceId } });
    if (!current) return { found: false as const };
    const next: Settings = {
      url: args.change.url ?? current.url,
      description: args.change.description ?? current.description,
      eventTypes: args.change.eventTypes ?? current.eventTypes,
      enabled: args.change.enabled ?? current.enabled,
    };
    const changed = (["url", "description", "eventTypes", "enabled"] as const).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]));
    if (changed.length === 0) return { found: true as const, changed };
    // Turning an endpoint back on clears why the app had turned it off.
    await tx.webhookEndpoint.update({ where: { id: current.id }, data: { ...next, ...(next.enabled ? { disabledReason: null } : {}) } });
    await appendEvent(tx, {
      spaceId: args.spaceId,
      actorId: args.actorId,
      type: "webhook.updated",
      subject: { spaceId: args.spaceId, webhookId: current.id },
      data: { ...recorded(next), changed },
    });
    return { found: true as const, changed };
  });
}

/** Deletes the endpoint and its delivery log: jobs still queued for it find nothing and stop. */
export async function deleteWebhook(args: { spaceId: string; webhookId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id: args.webhookId, spaceId: args.spaceId }, select: { id: true, url: true } });
    if (!current) return false;
    await tx.webhookEndpoint.delete({ where: { id: current.id } });
    await appendEvent(tx, { spaceId: args.spaceId, actorId: args.actorId, type: "webhook.deleted", subject: { spaceId: args.spaceId, webhookId: current.id }, data: { host: hostOf(current.url) } });
    return true;
  });
}

export async function rotateWebhookSecret(args: { spaceId: string; webhookId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const secret = newSecret();
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id: args.webhookId, spaceId: args.spaceId }, data: { secret } });
    if (count === 0) return null;
    await appendEvent(tx, { spaceId: args.spaceId, actorId: args.actorId, type: "webhook.secret_rotated", subject: { spaceId: args.spaceId, webhookId: args.webhookId }, data: {} });
    return secret;
  });
}

/**
 * Starts a new series of attempts now, keeping the delivery's id (its webhook-id). Idempotent: asked twice, the
 * second replaces the first's queued job (same job key, same attempt number), so the receiver gets one more post.
 */
export async function requestRedelivery(args: { spaceId: string; webhookId: string; deliveryId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ attempts: number; eventId: string }>>`
      UPDATE webhook_deliveries d SET status = 'pending', series_start = d.attempts, next_attempt_at = now()
      FROM webhook_endpoints w, governance_events e
      WHERE d.id = ${args.deliveryId} AND d.endpoint_id = ${args.webhookId} AND w.id = d.endpoint_id AND w.space_id = ${args.spaceId} AND e.id = d.event_id
      RETURNING d.attempts, e.event_id::text AS "eventId"`;
    const row = rows[0];
    if (!row) return false;
    await enqueueJob(tx, "webhooks.deliver", { deliveryId: args.deliveryId, attempt: row.attempts + 1 }, { jobKey: deliveryJobKey(args.deliveryId), maxAttempts: 5 });
    await appendEvent(tx, {
      spaceId: args.spaceId,
      actorId: args.actorId,
      type: "webhook.redelivery_requested",
      subject: { spaceId: args.spaceId, webhookId: args.webhookId, deliveryId: args.deliveryId },
      data: { eventId: row.eventId },
    });
    return true;
  });
}
