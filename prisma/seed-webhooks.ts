// The demo's webhook: Bruno's CI hook on 127.0.0.1, which this instance (no CW_WEBHOOK_ALLOW_HOSTS) refuses to
// reach, so its short log shows what a steward sees when deliveries fail: the refusal, attempts, the give-up.
import { db } from "@/lib/db";
import { deliveryIdFor, hostOf, MAX_ATTEMPTS } from "@/lib/webhooks/rules";
import { daysAgo, type SeedContext } from "./seed-community";
import { appendEvent } from "./seed-record";

const url = "http://127.0.0.1:8080/hooks/commonweights";
const eventTypes = ["decision.closed", "release.approved", "release.published"];
/** Registered early in the six-month story, so its log covers the closed votes and published releases. */
const registeredDaysAgo = 150;

/** Before the seed's events are flushed: the endpoint (turned off, so the seed's own events queue nothing) and its record. */
export async function seedWebhook(ctx: SeedContext) {
  const at = daysAgo(registeredDaysAgo);
  const endpoint = await db.webhookEndpoint.create({
    data: { spaceId: ctx.spaceId, url, description: "CI: rebuild the model card site on approvals", eventTypes, enabled: false, secret: "whsec_ZGVtby1zZWNyZXQtbm90LWZvci1wcm9kdWN0aW9u", createdById: ctx.users.bruno, createdAt: at },
  });
  const subject = { spaceId: ctx.spaceId, webhookId: endpoint.id };
  await appendEvent(db, { spaceId: ctx.spaceId, actorId: ctx.users.bruno, type: "webhook.created", subject, data: { host: hostOf(url), description: endpoint.description, eventTypes, enabled: true }, at });
  await appendEvent(db, {
    spaceId: ctx.spaceId,
    actorId: ctx.users.bruno,
    type: "webhook.updated",
    subject,
    data: { host: hostOf(url), description: endpoint.description, eventTypes, enabled: false, changed: ["enabled"] },
    at: daysAgo(2),
  });
  return endpoint.id;
}

/** After the flush: one failed delivery per matching event since the endpoint was registered. */
export async function seedDeliveries(ctx: SeedContext, endpointId: string) {
  const events = await db.governanceEvent.findMany({ where: { spaceId: ctx.spaceId, type: { in: eventTypes }, createdAt: { gte: daysAgo(registeredDaysAgo) } }, orderBy: { id: "asc" } });
  for (const event of events) {
    await db.webhookDelivery.create({
      data: {
        id: deliveryIdFor(endpointId, event.eventId),
        endpointId,
        eventId: event.id,
        status: "failed",
        attempts: MAX_ATTEMPTS,
        lastAttemptAt: new Date(event.createdAt.getTime() + 3 * 3600_000),
        lastError: "Webhooks go only to public addresses: 127.0.0.1 is a loopback address. An operator can allow it with CW_WEBHOOK_ALLOW_HOSTS.",
        createdAt: event.createdAt,
      },
    });
  }
  return events.length;
}
