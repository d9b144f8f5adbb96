// The events.ndjson export, built by Postgres in chunks, read back by the offline verifier: awkward content survives
// the SQL's JSON and the verifier's canonical form, and chunks arrive in order.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent, prepareEvent } from "@/lib/record/append";
import { hashEvent } from "@/lib/record/canonical";
import { sequenceLog } from "@/lib/record/sequencer";
import { exportStream } from "@/lib/history/use-cases/export-stream";
import { ExportVerifier } from "@/lib/record/verify-export";
import { verifyStream } from "@/lib/record/verify-stream";
import { createSpace } from "@/test/support/factories";

// Awkward values where the catalog allows any JSON: the new values of a space's settings.
const awkward = [
  { values: { zeta: "z", alpha: "a", "10": 1, "9": 2, text: 'quote " backslash \\ newline \n tab \t bell \u0001 del \u007f', "": "empty key" } },
  { values: { unicode: "é ✓ 🧪 \u2028 \uE000", "🧪": 1, "\uE000": 2 } },
  { values: { nested: { b: [3, { y: 1, x: 2 }], a: null }, n: [1.5, 0.1, 1e21, 1e-7, -0, 123456789012345], t: true, f: false, o: {} } },
];

describe("the NDJSON export", () => {
  it("verifies across chunks, with keys out of order, escapes, unicode and numbers", async () => {
    const space = await createSpace();
    const total = 5003; // more than one chunk of 5,000
    for (const { values } of awkward) {
      await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, type: "space.updated", subject: { spaceId: space.id }, data: { values, changed: Object.keys(values) } }));
    }
    // The plain ones in one statement (appendEvent's columns, content and hash from prepareEvent): 5,000 appends would take seconds.
    const rows = Array.from({ length: total - awkward.length }, (_, i) => {
      const { content } = prepareEvent({ spaceId: space.id, actorId: null, type: "ballot.cast", subject: { decisionId: `dec-${i % 7}` }, data: { choice: "+1", binding: true, reason: `ballot ${i}` } });
      // Every other one as recorded before the catalog: no typeVersion and no via in its content, so its own hash.
      const { typeVersion: _version, via: _via, ...before } = content;
      const recorded = i % 2 ? content : before;
      return { ...recorded, hash: hashEvent(recorded) };
    });
    await db.$executeRaw`
      WITH recorded AS (
        INSERT INTO governance_events (event_id, space_id, actor_id, type, subject, data, created_at, hash, type_version, via)
        SELECT (r->>'id')::uuid, r->>'space', r->>'actor', r->>'type', r->'subject', r->'data', (r->>'at')::timestamptz, r->>'hash',
               (r->>'typeVersion')::int, r->>'via'
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS t(r, n) ORDER BY n
        RETURNING id)
      INSERT INTO event_queue (event_id, log_id) SELECT id, ${space.id} FROM recorded`;
    await sequenceLog(space.id);
    const text = await new Response(await exportStream(null, space.slug)).text();
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(total + 1);
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual(Array.from({ length: total }, (_, i) => i));
    // The event's own keys in canonical order; the verifier re-serialises the rest.
    expect(lines[0]).toMatch(/"event":\{"actor":null,"at":"[^"]+","data":\{.*\},"id":"[^"]+","space":"[^"]+","subject":\{.*\},"type":"space\.updated","typeVersion":1,"v":1,"via":"system"\}\}$/);
    // An event recorded before the catalog is exported as it was hashed: without typeVersion and via.
    expect(lines[3]).toMatch(/"type":"ballot\.cast","v":1\}\}$/);
    expect(lines[4]).toMatch(/"type":"ballot\.cast","typeVersion":2,"v":1,"via":"system"\}\}$/);

    const verifier = new ExportVerifier();
    for (const line of lines) expect(verifier.addLine(line)).toBe(true);
    expect(verifier.finish()).toMatchObject({ ok: true, size: total });
    const streamed = new ExportVerifier();
    await verifyStream(Readable.from([Buffer.from(text)]), streamed, 1);
    expect(streamed.finish()).toMatchObject({ ok: true, size: total });
  });
});
