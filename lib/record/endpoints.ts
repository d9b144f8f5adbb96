// API endpoints of this module (the OpenAPI document is built from these).
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { eventContentSchema, signedCheckpointSchema } from "@/lib/record/event-schema";

const hex = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.coerce.number().int().min(0).max(2_147_483_647);

export const eventsQuery = z.object({
  after: z.coerce.number().int().min(-1).max(2_147_483_647).default(-1).describe("Return events with seq greater than this (-1: from the start)"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const proofQuery = z.object({ size: count.optional().describe("Tree size to prove against (default: the latest checkpoint)") });
export const consistencyQuery = z.object({
  from: count.describe("The older tree size"),
  to: count.optional().describe("The newer tree size (default: the latest checkpoint)"),
});
export const seqParam = z.coerce.number().int().min(0).max(2_147_483_647);

const checkpointOutput = signedCheckpointSchema;
const sequencedEvent = z.object({
  seq: z.int(),
  leafHash: hex,
  hash: hex,
  event: eventContentSchema,
  text: z
    .object({ body: z.string(), salt: hex })
    .optional()
    .describe("The text this event commits to (data.textHash), while it is not deleted or redacted; outside the hashed content (docs/record.md)"),
});

export const eventsOutput = z.object({
  events: z.array(sequencedEvent),
  next: z.int().nullable().describe("Pass as `after` for the next page; null at the end"),
  checkpoint: checkpointOutput.nullable(),
});
export const inclusionOutput = z.object({
  seq: z.int(),
  size: z.int(),
  leafHash: hex,
  proof: z.array(hex).describe("RFC 6962 audit path, from the leaf's sibling upwards"),
  rootHash: hex,
  checkpoint: checkpointOutput.nullable().describe("The signed checkpoint at this size, when one was issued"),
});
export const consistencyOutput = z.object({
  from: z.int(),
  to: z.int(),
  proof: z.array(hex),
  fromRoot: hex,
  toRoot: hex,
  fromCheckpoint: checkpointOutput.nullable(),
  toCheckpoint: checkpointOutput.nullable(),
});
export const receiptOutput = z.object({
  hash: hex,
  seq: z.int(),
  leafHash: hex,
  event: eventContentSchema,
  proof: z.array(hex),
  checkpoint: checkpointOutput.nullable(),
  verified: z.boolean().describe("The server checked the inclusion proof of the event's recomputed leaf against the checkpoint"),
});

const tag = "record";
const base = "/api/v1/spaces/{slug}";

export const recordEndpoints: Endpoint[] = [
  {
    method: "get",
    path: "/api/v1/events.schema.json",
    summary: "The event catalog as JSON Schema: every event type's subject and data, by version (docs/events.md)",
    description: "Each line of a space's events.ndjson has an `event` that validates against this schema; webhooks and archives carry the same events.",
    tag,
    auth: "none",
  },
  { method: "get", path: `${base}/events`, summary: "Sequenced events of a space's log, in order (JSON pages)", tag, auth: "optional", query: eventsQuery, response: eventsOutput, errors: [404] },
  {
    method: "get",
    path: `${base}/events.ndjson`,
    summary: "The whole log as NDJSON, ending with the latest signed checkpoint (verify with `npm run verify`)",
    tag,
    auth: "optional",
    errors: [404],
  },
  {
    method: "get",
    path: `${base}/archive.cwarchive`,
    summary: "The space archive: everything a community needs to carry on elsewhere, with a manifest of digests (docs/preserve-archive.md)",
    description: "Verify it offline with `npm run verify -- <slug>.cwarchive`; import it elsewhere as a mirror or a fork with `npm run admin -- import-archive`.",
    tag,
    auth: "optional",
    errors: [404],
  },
  { method: "get", path: `${base}/events/{seq}/proof`, summary: "Inclusion proof of an event in the tree of a given size", tag, auth: "optional", query: proofQuery, response: inclusionOutput, errors: [400, 404] },
  { method: "get", path: `${base}/consistency`, summary: "Consistency proof between two tree sizes", tag, auth: "optional", query: consistencyQuery, response: consistencyOutput, errors: [400, 404] },
  { method: "get", path: `${base}/receipts/{hash}`, summary: "A vote receipt: the event, its position and its verified inclusion in the latest checkpoint", tag, auth: "optional", response: receiptOutput, errors: [404, 409] },
  { method: "get", path: `${base}/feed.atom`, summary: "Atom feed of the space's history", tag, auth: "optional", errors: [404] },
];
