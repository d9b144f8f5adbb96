// Inputs for webhooks: one schema per use case, shared by the server action and the API route (the API takes
// the space and endpoint from its path, so it reads the …Fields part), and the shapes the API answers with.
import { z } from "zod";
import { eventCatalog, type EventType } from "@/lib/record/events/catalog";

const spaceSlug = z.string().min(1).max(40);
const webhookId = z.string().min(1).max(64);
const deliveryId = z.string().min(1).max(80);

export const eventTypes = eventCatalog.map((definition) => definition.type) as [EventType, ...EventType[]];

/** Only the URL's form; where it points is checked against the network rules (ssrf.ts) by the use case. */
export const webhookUrl = z
  .string()
  .trim()
  .min(1, "Give the address that will receive the events.")
  .max(2000, "Keep the address to 2,000 characters or fewer.")
  .refine((value) => !value.includes("\u0000"), "The address cannot contain the NUL character (U+0000).")
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "Enter a full web address, starting with https://.")
  .refine((value) => !URL.canParse(value) || (new URL(value).username === "" && new URL(value).password === ""), "Leave the user name and password out of the address; the signature authenticates each delivery.");

const description = z.string().trim().max(500, "Keep the description to 500 characters or fewer.");
const eventTypeList = z.array(z.enum(eventTypes, "Choose event types from the catalog.")).max(eventTypes.length).transform((list) => [...new Set(list)].sort());

export const createWebhookFields = z.strictObject({
  url: webhookUrl,
  description: description.default(""),
  /** Empty: every event type of the space. */
  eventTypes: eventTypeList.default([]),
  enabled: z.boolean().default(true),
});
export const createWebhookInput = createWebhookFields.extend({ spaceSlug });

export const updateWebhookFields = z.strictObject({
  url: webhookUrl.optional(),
  description: description.optional(),
  eventTypes: eventTypeList.optional(),
  enabled: z.boolean().optional(),
});
export const updateWebhookInput = updateWebhookFields.extend({ spaceSlug, webhookId });
export const webhookRefInput = z.strictObject({ spaceSlug, webhookId });
export const redeliverInput = z.strictObject({ spaceSlug, webhookId, deliveryId });

export type CreateWebhookInput = z.infer<typeof createWebhookInput>;
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;
export type WebhookRefInput = z.infer<typeof webhookRefInput>;
export type RedeliverInput = z.infer<typeof redeliverInput>;

export const deliveryStatuses = ["pending", "delivered", "failed", "cancelled"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const webhookOutput = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
});
/** Only on creation and rotation: the one time the secret is shown. */
export const webhookWithSecretOutput = webhookOutput.extend({ secret: z.string().describe("whsec_… : shown once; keep it to verify signatures") });
export const deliveryOutput = z.object({
  id: z.string().describe("The webhook-id header: the same on every retry and redelivery"),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
