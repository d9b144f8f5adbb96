// The events.ndjson export, built by Postgres in chunks, read back by the offline verifier: awkward content survives
// the SQL's JSON and the verifier's canonical form, and chunks arrive in order.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent, prepareEvent } from "@/lib/record/append";
import { sequenceLog } from "@/lib/record/sequencer";
import { exportStream } from "@/lib/history/use-cases";
import { ExportVerifier } from "@/lib/record/verify-export";
import { verifyStream } from "@/lib/record/verify-stream";
import { createSpace } from "@/test/support/factories";

const awkward = [
  { subject: { zeta: "z", alpha: "a", "10": 1, "9": 2 }, data: { text: 'quote " backslash \\ newline \n tab \t bell \u0001 del \u007f', "": "empty key" } },
  { subject: {}, data: { unicode: "é ✓ 🧪 \u2028 \uE000", "🧪": 1, "\uE000": 2 } },
  { subject: { nested: { b: [3, { y: 1, x: 2 }], a: null } }, data: { n: [1.5, 0.1, 1e21, 1e-7, -0, 123456789012345], t: true, f: false, o: {} } },
];

describe("the NDJSON export", () => {
  it("verifies across chunks, with keys out of order, escapes, unicode and numbers", async () => {
    const space = await createSpace();
    const total = 5003; // more than one chunk of 5,000
    for (const extra of awkward) await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, type: "load.appended", ...extra }));
    // The plain ones in one statement (appendEvent's columns, content and hash from prepareEvent): 5,000 appends would take seconds.
    const plain = Array.from({ length: total - awkward.length }, (_, i) => prepareEvent({ spaceId: space.id, actorId: null, type: "load.appended", subject: { releaseId: `rel-${i % 7}` }, data: { i } }));
    const rows = plain.map(({ content, hash }) => ({ ...content, hash }));
    await db.$executeRaw`
      WITH recorded AS (
        INSERT INTO governance_events (event_id, space_id, actor_id, type, subject, data, created_at, hash)
        SELECT (r->>'id')::uuid, r->>'space', r->>'actor', r->>'type', r->'subject', r->'data', (r->>'at')::timestamptz, r->>'hash'
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS t(r, n) ORDER BY n
        RETURNING id)
      INSERT INTO event_queue (event_id, log_id) SELECT id, ${space.id} FROM recorded`;
    await sequenceLog(space.id);
    const text = await new Response(await exportStream(null, space.slug)).text();
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(Array.from({ length: total }, (_, i) => i));
    // The event's own keys in canonical order; the verifier re-serialises the rest.
    expect(lines[0]).toMatch(/"event":\{"actor":null,"at":"[^"]+","data":\{.*\},"id":"[^"]+","space":"[^"]+","subject":\{.*\},"type":"load\.appended","v":1\}\}$/);

    const verifier = new ExportVerifier();
    for (const line of lines) expect(verifier.addLine(line)).toBe(true);
    expect(verifier.finish()).toMatchObject({ ok: true, size: total });
    const streamed = new ExportVerifier();
    await verifyStream(Readable.from([Buffer.from(text)]), streamed, 1);
    expect(streamed.finish()).toMatchObject({ ok: true, size: total });
  });
});
