// The record section of an archive written as it was: events, their positions and leaf hashes, in batches, inside the
// import's transaction. insertRecord reads it again from its source (a mirror catching up) and recomputes its digest,
// so a source that changed since it was verified aborts; the import takes the verifier's lines as they pass instead.
import "server-only";
import { StringDecoder } from "node:string_decoder";
import type { Tx } from "@/lib/db";
import { SectionHasher } from "@/lib/archive/format";

const BATCH = 5000;

/**
 * Writes verified record lines as they were: each event, its position and leaf hash, and its committed text where it
 * travelled (kept where the origin still had it, so the copy verifies the same; a redacted one arrives without its text,
 * as it left). One statement per batch: Postgres parses the lines once, ids are drawn in log order.
 */
export async function insertEventLines(tx: Tx, logId: string, lines: string[]): Promise<void> {
  await tx.$executeRaw`
    WITH src AS MATERIALIZED (
      SELECT nextval(pg_get_serial_sequence('governance_events', 'id')) AS id, (l->>'seq')::int AS seq, l->>'leafHash' AS leaf, l->>'hash' AS hash, l->'event' AS e, l->'text' AS t
      FROM jsonb_array_elements(${`[${lines.join(",")}]`}::jsonb) WITH ORDINALITY AS u(l, o) ORDER BY o
    ), recorded AS (
      INSERT INTO governance_events (id, event_id, space_id, actor_id, type, subject, data, created_at, hash, type_version, via)
      SELECT id, (e->>'id')::uuid, e->>'space', e->>'actor', e->>'type', e->'subject', e->'data', (e->>'at')::timestamptz, hash, (e->>'typeVersion')::int, e->>'via' FROM src
    ), texts AS (
      INSERT INTO record_texts (event_id, salt, body) SELECT (e->>'id')::uuid, t->>'salt', t->>'body' FROM src WHERE t IS NOT NULL
    )
    INSERT INTO event_positions (log_id, seq, event_id, leaf_hash) SELECT ${logId}, seq, id, leaf FROM src`;
}

async function* linesOf(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of input) {
    const lines = (rest + (typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)))).split("\n");
    rest = lines.pop() ?? "";
    yield* lines;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/** Writes the events of seq >= `from` (a following mirror passes what it already holds); returns the section's digest. */
export async function insertRecord(tx: Tx, logId: string, input: AsyncIterable<Uint8Array | string>, from = 0): Promise<string> {
  const hasher = new SectionHasher("record");
  let inRecord = false;
  let batch: string[] = [];
  let seen = 0;
  for await (const line of linesOf(input)) {
    if (line === "") continue;
    if (line.startsWith('{"section":') || line.startsWith('{"manifest":')) {
      inRecord = line === '{"section":"record"}';
      continue;
    }
    if (!inRecord) continue;
    hasher.add(line);
    if (line.startsWith('{"checkpoint":')) continue;
    if (seen++ < from) continue;
    batch.push(line);
    if (batch.length >= BATCH) {
      await insertEventLines(tx, logId, batch);
      batch = [];
    }
  }
  if (batch.length) await insertEventLines(tx, logId, batch);
  return hasher.digest().sha256;
}
