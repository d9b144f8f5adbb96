// An Atom 1.0 feed (RFC 4287) of a space's history in plain language. Pure: the caller passes events and names.
import { describeEvent } from "@/lib/record/describe";
import type { HistoryEvent } from "@/lib/record/data";

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] as string);

export function atomFeed(args: {
  origin: string;
  space: { slug: string; name: string };
  events: Array<Pick<HistoryEvent, "eventId" | "type" | "actorId" | "subject" | "data" | "createdAt" | "hash" | "seq">>;
  names: Record<string, string>;
  /** Titles of the decisions and releases the events are about, by id (lib/record/data.ts subjectTitles). */
  titles?: Record<string, string>;
  now: Date;
}): string {
  const { origin, space, events, names, titles = {}, now } = args;
  const nameOf = (id: string | null) => (id ? (names[id] ?? "someone") : "the system");
  const history = `${origin}/s/${space.slug}/history`;
  const updated = (events[0]?.createdAt ?? now).toISOString();
  const entries = events.map((e) => {
    const link = e.seq === null ? history : `${history}/${e.seq}`;
    return [
      "  <entry>",
      `    <id>urn:uuid:${e.eventId}</id>`,
      `    <title>${escapeXml(describeEvent(e, nameOf, (id) => titles[id]))}</title>`,
      `    <link href="${escapeXml(link)}"/>`,
      `    <updated>${e.createdAt.toISOString()}</updated>`,
      `    <author><name>${escapeXml(nameOf(e.actorId))}</name></author>`,
      `    <category term="${escapeXml(e.type)}"/>`,
      `    <summary>${escapeXml(`${e.type} · receipt ${e.hash}${e.seq === null ? "" : ` · position ${e.seq}`}`)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(history)}</id>`,
    `  <title>${escapeXml(`${space.name}: governance history`)}</title>`,
    `  <link rel="alternate" href="${escapeXml(history)}"/>`,
    `  <link rel="self" href="${escapeXml(`${origin}/api/v1/spaces/${space.slug}/feed.atom`)}"/>`,
    `  <updated>${updated}</updated>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
