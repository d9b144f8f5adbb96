// Catalogued events of a space's webhooks. The URL is not recorded (only its host: a URL may carry a token in
// its path, and a public space's record is public), nor ever the signing secret.
import { z } from "zod";
import { defineEvent, id, noData } from "@/lib/record/events/define";

const webhook = z.strictObject({ spaceId: id, webhookId: id });
const settings = z.strictObject({
  host: z.string().min(1),
  description: z.string(),
  /** The event types it receives; empty: every type. */
  eventTypes: z.array(z.string().min(1)),
  enabled: z.boolean(),
});

export const webhookEvents = [
  defineEvent({ type: "webhook.created", version: 1, subject: webhook, data: settings, written: "A steward registers a webhook endpoint for the space (data: its host, not its URL or secret)." }),
  defineEvent({
    type: "webhook.updated",
    version: 1,
    subject: webhook,
    data: settings.extend({ changed: z.array(z.enum(["url", "description", "eventTypes", "enabled"])) }),
    written: "A steward changes a webhook endpoint: its URL, description, event types or whether it is enabled.",
  }),
  defineEvent({ type: "webhook.deleted", version: 1, subject: webhook, data: z.strictObject({ host: z.string().min(1) }), written: "A steward deletes a webhook endpoint; nothing more is delivered to it." }),
  defineEvent({ type: "webhook.secret_rotated", version: 1, subject: webhook, data: noData, written: "A steward replaces a webhook endpoint's signing secret (the secret is never recorded)." }),
  defineEvent({
    type: "webhook.disabled",
    version: 1,
    subject: webhook,
    data: z.strictObject({ reason: z.literal("gone"), status: z.literal(410) }),
    written: "The app disables a webhook endpoint whose receiver answered 410 Gone (the actor is the app).",
  }),
  defineEvent({
    type: "webhook.redelivery_requested",
    version: 1,
    subject: webhook.extend({ deliveryId: id }),
    data: z.strictObject({ eventId: z.uuid() }),
    written: "A steward asks for an event to be delivered to a webhook endpoint again, with the same webhook-id.",
  }),
] as const;
