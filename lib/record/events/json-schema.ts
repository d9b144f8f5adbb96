// The event catalog as JSON Schema, served at GET /api/v1/events.schema.json: an event's content, of any catalogued
// type and version, exactly as the record hashes it and events.ndjson exports it (the `event` of each line).
import { z } from "zod";
import { eventCatalog, vias } from "@/lib/record/events/catalog";

const envelope = {
  v: z.literal(1).describe("Format version of the event's content"),
  id: z.uuid().describe("The event's own id"),
  space: z.string().nullable().describe("The space whose log holds the event; null for the instance log"),
  actor: z.string().nullable().describe("The user who acted; null when the app itself did"),
  at: z.iso.datetime().describe("When it happened (UTC, milliseconds)"),
  via: z.enum(vias).optional().describe("How the write came; absent on events recorded before it was kept"),
};

/**
 * One schema per type and version. typeVersion may be left out only for version 1: events recorded before versions
 * were kept carry none and are version 1, so an event of version 2 or later must say so.
 */
export const catalogEventSchemas = eventCatalog.flatMap((definition) =>
  [{ version: definition.version, subject: definition.subject, data: definition.data }, ...(("older" in definition ? definition.older : undefined) ?? [])].map(
    ({ version, subject, data }) =>
      z
        .strictObject({
          ...envelope,
          type: z.literal(definition.type),
          typeVersion: version === 1 ? z.literal(1).optional() : z.literal(version),
          subject,
          data,
        })
        .meta({ title: `${definition.type} v${version}`, description: definition.written }),
  ),
);

export function eventsJsonSchema(): Record<string, unknown> {
  const { $schema: _drop, ...schema } = z.toJSONSchema(z.union(catalogEventSchemas), { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://commonweights.org/schemas/events.schema.json",
    title: "Commonweights governance events (the event catalog)",
    description: "Any event of the record: its type picks the shape of subject and data (docs/events.md). Each line of events.ndjson has one as `event`.",
    ...schema,
  };
}
