// Reads a space archive (a byte stream) into an ArchiveVerifier (verifier.ts). The record's per-event work (JSON,
// canonical form, two SHA-256, the catalog) goes to the events.ndjson verifier's worker threads in batches, while this
// thread keeps every judgement in file order. An importer may take the verified lines as they pass (ArchiveSink), so
// that it reads the file once; it writes inside a transaction that it rolls back unless the verdict is OK.
import { StringDecoder } from "node:string_decoder";
import { archiveMaxBytes, type ArchiveHeader } from "@/lib/archive/format";
import type { ArchiveRows } from "@/lib/archive/rows";
import { ArchiveVerifier, type ArchiveOutcome, type ArchiveVerifyOptions } from "@/lib/archive/verifier";
import { BatchPool } from "@/lib/record/verify-stream";
import type { CheckedBatch } from "@/lib/record/verify-worker";

export type { ArchiveOutcome, ArchiveVerifyOptions, VerifiedArchive } from "@/lib/archive/verifier";

/** Takes the archive as it is verified: first what comes before the record, then its event lines, batch by batch. */
export type ArchiveSink = {
  beforeRecord(header: ArchiveHeader, rows: ArchiveRows): Promise<void>;
  /** Event lines (not the checkpoint line) whose every check so far passed, in log order. */
  events(lines: string[]): Promise<void>;
};

// About 2,000 events per batch, as lib/record/verify-stream.ts sends them.
const BATCH_CHARS = 1 << 20;
const unchecked: CheckedBatch = { firstSeq: -1, leaves: new Uint8Array(0), all: false };

/**
 * Verifies an archive, refusing one larger than maxBytes. With a sink, each batch of record lines is handed to it
 * once the verifier accepted it; the outcome is still only known at the end (manifest digests, rows against events).
 */
export async function verifyArchive(input: AsyncIterable<Uint8Array | string>, options: ArchiveVerifyOptions = {}, sink?: ArchiveSink): Promise<ArchiveOutcome> {
  const verifier = new ArchiveVerifier(options);
  const threads = options.threads ?? 0;
  const pool = threads > 0 ? new BatchPool(threads) : null;
  const pending: Array<{ lines: string[]; checked: Promise<CheckedBatch> }> = [];
  let batch: string[] = [];
  let chars = 0;
  let sinkStarted = false;

  // Settles the oldest batch: false once the verifier found a problem.
  const settle = async (): Promise<boolean> => {
    const next = pending.shift()!;
    if (!verifier.addRecordBatch(next.lines, await next.checked)) return false;
    const events = next.lines.filter((l) => !l.startsWith('{"checkpoint":'));
    if (sink && events.length > 0) await sink.events(events);
    return true;
  };
  const send = () => {
    if (batch.length === 0) return;
    const lines = batch;
    pending.push({ lines, checked: pool ? pool.check(Buffer.from(lines.join("\n"))) : Promise.resolve(unchecked) });
    batch = [];
    chars = 0;
  };
  const flush = async (): Promise<boolean> => {
    send();
    while (pending.length > 0) if (!(await settle())) return false;
    return true;
  };
  const line = async (text: string): Promise<boolean> => {
    if (verifier.inRecord && !text.startsWith('{"section":') && !text.startsWith('{"manifest":')) {
      batch.push(text);
      chars += text.length;
      if (chars < BATCH_CHARS) return true;
      send();
      // Two batches per worker keep them busy while this thread judges and the sink writes; more would only hold memory.
      return pending.length <= 2 * Math.max(1, threads) || (await settle());
    }
    if (!(await flush())) return false;
    if (!verifier.addLine(text)) return false;
    if (sink && !sinkStarted && verifier.inRecord) {
      sinkStarted = true;
      const before = verifier.before!;
      await sink.beforeRecord(before.header, before.rows);
    }
    return true;
  };

  const max = options.maxBytes ?? archiveMaxBytes();
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let bytes = 0;
  try {
    for await (const chunk of input) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (bytes > max) return { ok: false, reason: `The archive is larger than the ${max.toLocaleString("en")} bytes this instance accepts (CW_ARCHIVE_MAX_BYTES).` };
      const text = rest + (typeof chunk === "string" ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) if (l !== "" && !(await line(l))) return verifier.finish();
    }
    rest += decoder.end();
    if (rest !== "" && !(await line(rest))) return verifier.finish();
    await flush();
    return verifier.finish();
  } finally {
    await pool?.close();
  }
}
