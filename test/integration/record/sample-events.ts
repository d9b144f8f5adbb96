// Catalogued events for record tests that need many events of no particular meaning: settings changes numbered i.
import type { CatalogEvent } from "@/lib/record/events/catalog";

type SpaceUpdated = Extract<CatalogEvent, { type: "space.updated" }>;

/** Event i of a space: its settings' value `i` (and a note) changed. */
export function numbered(spaceId: string, i: number, note?: string): SpaceUpdated {
  return { type: "space.updated", subject: { spaceId }, data: { changed: ["i"], values: note === undefined ? { i } : { i, note } } };
}

/** The i of an event made by numbered(), read back from a stored row. */
export const numberOf = (row: { data: unknown }): number | undefined => (row.data as { values?: { i?: number } }).values?.i;

/** A space's creation, for tests that need one plain event. */
export function created(spaceId: string): Extract<CatalogEvent, { type: "space.created" }> {
  return { type: "space.created", subject: { spaceId }, data: { slug: `s-${spaceId}`.toLowerCase(), name: "A space", visibility: "public", charterVersion: 1 } };
}
