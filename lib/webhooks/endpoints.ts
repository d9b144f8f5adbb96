// API endpoints for a space's webhooks (the OpenAPI document is built from these). Stewards only, reads included.
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { createWebhookFields, deliveryOutput, updateWebhookFields, webhookOutput, webhookWithSecretOutput } from "@/lib/webhooks/schema";

const tag = "webhooks";
const base = "/api/v1/spaces/{slug}/webhooks";
const signing =
  "Deliveries are POSTed as JSON and signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature v1, HMAC-SHA256 with the whsec_ secret). The webhook-id is the same on every retry and redelivery of one event to one endpoint.";

export const webhookEndpoints: Endpoint[] = [
  { method: "get", path: base, summary: "A space's webhook endpoints (owners and stewards)", tag, auth: "required", response: z.object({ webhooks: z.array(webhookOutput) }), errors: [401, 403, 404] },
  {
    method: "post",
    path: base,
    summary: "Register a webhook endpoint; the answer shows its signing secret, once",
    description: `${signing} Targets must be https and resolve only to public addresses, unless the instance's CW_WEBHOOK_ALLOW_HOSTS names them.`,
    tag,
    auth: "required",
    body: createWebhookFields,
    response: webhookWithSecretOutput,
    status: 201,
    errors: [400, 401, 403, 404, 422],
  },
  { method: "get", path: `${base}/{webhookId}`, summary: "One webhook endpoint", tag, auth: "required", response: webhookOutput, errors: [401, 403, 404] },
  { method: "patch", path: `${base}/{webhookId}`, summary: "Change a webhook endpoint's address, description, event types or enabled flag", tag, auth: "required", body: updateWebhookFields, response: webhookOutput, errors: [400, 401, 403, 404, 422] },
  { method: "delete", path: `${base}/{webhookId}`, summary: "Delete a webhook endpoint and its delivery log", tag, auth: "required", response: z.object({ deleted: z.string() }), errors: [401, 403, 404] },
  { method: "post", path: `${base}/{webhookId}/rotate-secret`, summary: "Replace the signing secret; the answer shows the new one, once", tag, auth: "required", response: webhookWithSecretOutput, errors: [401, 403, 404] },
  { method: "get", path: `${base}/{webhookId}/deliveries`, summary: "The newest 50 deliveries: status, response code, attempts, next retry, last error", tag, auth: "required", response: z.object({ deliveries: z.array(deliveryOutput) }), errors: [401, 403, 404] },
  {
    method: "post",
    path: `${base}/{webhookId}/deliveries/{deliveryId}/redeliver`,
    summary: "Send a delivery again, with the same webhook-id (asking twice sends it once)",
    tag,
    auth: "required",
    response: deliveryOutput,
    errors: [401, 403, 404, 422],
  },
];
