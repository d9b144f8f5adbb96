// The record section of an archive, read again from its source and written as it was: events, their positions and
// leaf hashes, in batches, inside the import's transaction. Its digest is recomputed, so a source that changed since
// it was verified aborts the import.
import "server-only";
import { StringDecoder } from "node:string_decoder";
import type { Tx } from "@/lib/db";
import { SectionHasher } from "@/lib/archive/format";

const BATCH = 5000;

async function insertBatch(tx: Tx, logId: string, lines: string[]): Promise<void> {
  await tx.$executeRaw`
    WITH src AS (
      SELECT (l->>'seq')::int AS seq, l->>'leafHash' AS leaf, l->>'hash' AS hash, l->'event' AS e FROM jsonb_array_elements(${`[${lines.join(",")}]`}::jsonb) l
    ), recorded AS (
      INSERT INTO governance_events (event_id, space_id, actor_id, type, subject, data, created_at, hash, type_version, via)
      SELECT (e->>'id')::uuid, e->>'space', e->>'actor', e->>'type', e->'subject', e->'data', (e->>'at')::timestamptz, hash, (e->>'typeVersion')::int, e->>'via'
      FROM src ORDER BY seq
      RETURNING id, event_id
    )
    INSERT INTO event_positions (log_id, seq, event_id, leaf_hash)
    SELECT ${logId}, src.seq, recorded.id, src.leaf FROM src JOIN recorded ON recorded.event_id = (src.e->>'id')::uuid`;
  // Committed texts travel beside their events (docs/record.md): kept where the origin still had them, so the
  // copy verifies the same; a redacted one arrives without its text, as it left.
  await tx.$executeRaw`
    INSERT INTO record_texts (event_id, salt, body)
    SELECT (l->'event'->>'id')::uuid, l->'text'->>'salt', l->'text'->>'body'
    FROM jsonb_array_elements(${`[${lines.join(",")}]`}::jsonb) l WHERE l ? 'text'`;
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
      await insertBatch(tx, logId, batch);
      batch = [];
    }
  }
  if (batch.length) await insertBatch(tx, logId, batch);
  return hasher.digest().sha256;
}
