// The event format of the governance record as zod schemas; docs/event.schema.json is generated from these.
import { z } from "zod";
import { vias } from "@/lib/record/events/catalog";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const eventContentSchema = z
  .object({
    v: z.literal(1).describe("Format version"),
    id: z.uuid().describe("The event's own id"),
    space: z.string().nullable().describe("The space whose log the event belongs to; null for instance-level events"),
    type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/).describe("area.verb, e.g. ballot.cast"),
    actor: z.string().nullable().describe("The user who acted; null for the system"),
    subject: z.record(z.string(), z.unknown()).describe("Ids of what the event is about: releaseId, reportId, findingId, decisionId, userId..."),
    data: z.record(z.string(), z.unknown()).describe("Details of the event"),
    at: z.iso.datetime().describe("When it happened (UTC, milliseconds)"),
    typeVersion: z.int().positive().optional().describe("The catalog version of the type's subject and data (GET /api/v1/events.schema.json); absent on events recorded before the catalog, which are version 1"),
    via: z.enum(vias).optional().describe("How the write came: a browser session, a bearer token, or the app itself; absent on events recorded before it was kept"),
  })
  .strict()
  .describe("A governance event. Its receipt is SHA-256 of its RFC 8785 canonical JSON; its Merkle leaf is SHA-256(0x00 || that JSON).");

export const signedCheckpointSchema = z
  .object({
    origin: z.string().describe("commonweights/log/<space id>"),
    size: z.int().nonnegative().describe("Number of events in the tree"),
    rootHash: hex64.describe("RFC 6962 Merkle tree hash, hex"),
    timestamp: z.iso.datetime(),
    signature: z.string().describe("Ed25519 over the lines origin, size, base64(root), timestamp (each followed by a newline), base64"),
    keyId: z.string().describe("First 16 hex characters of SHA-256 of the raw public key"),
    note: z
      .string()
      .optional()
      .describe("The same tree head as a C2SP tlog-checkpoint signed note (origin <host>/s/<slug>), followed by witnesses' cosignature/v1 lines; absent on checkpoints sealed before notes (docs/preserve.md)"),
  })
  .describe("A signed tree head of a space's log");

export const exportEventLineSchema = z
  .object({
    seq: z.int().nonnegative().describe("0-based position in the log"),
    leafHash: hex64,
    hash: hex64.describe("The receipt: SHA-256 of the canonical JSON"),
    event: eventContentSchema,
  })
  .describe("One line of events.ndjson per event, in seq order");

export const exportCheckpointLineSchema = z
  .object({ checkpoint: signedCheckpointSchema, publicKey: z.string().nullable().describe("base64 raw Ed25519 public key of keyId") })
  .describe("The last line of events.ndjson");

/** The JSON Schema written to docs/event.schema.json (a unit test keeps the file equal to this). */
export function eventJsonSchema(): Record<string, unknown> {
  const toJson = (schema: z.ZodType) => {
    const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
    return rest;
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://commonweights.org/schemas/event.schema.json",
    title: "Commonweights governance event",
    ...toJson(eventContentSchema),
    $defs: {
      exportEventLine: toJson(exportEventLineSchema),
      exportCheckpointLine: toJson(exportCheckpointLineSchema),
      signedCheckpoint: toJson(signedCheckpointSchema),
    },
  };
}
