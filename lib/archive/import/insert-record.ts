// The record section of an archive written as it was: events, their positions and leaf hashes, in batches, inside the
// import's transaction. insertRecord reads it again from its source (a mirror catching up) and recomputes its digest,
// so a source that changed since it was verified aborts; the import takes the verifier's lines as they pass instead.
import "server-only";
import { StringDecoder } from "node:string_decoder";
import type { Tx } from "@/lib/db";
import { insertEventLines } from "@/lib/archive/import/mutations/event-lines";
import { SectionHasher } from "@/lib/archive/format";

const BATCH = 5000;

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
