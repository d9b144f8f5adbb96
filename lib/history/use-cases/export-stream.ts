// The log's export as a stream: events in chunks read ahead, then the signed checkpoint.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { exportText, latestCheckpoint, publicKeyFor } from "@/lib/record/data";

// Events per query (~2 MB, so string_agg's sort stays in memory where Postgres sorts it), and queries in flight:
// Postgres builds the next chunk on another core while one is sent.
const EXPORT_CHUNK = 5000;
const EXPORT_AHEAD = 2;

/** The whole log up to its latest checkpoint, one event per line, then the signed checkpoint and its public key. */
export async function exportStream(actor: Actor | null, slug: string): Promise<ReadableStream<Uint8Array>> {
  const { logId } = await openSpaceLog(actor, slug);
  const checkpoint = await latestCheckpoint(logId);
  const size = checkpoint?.size ?? 0;
  const publicKey = checkpoint ? await publicKeyFor(checkpoint.keyId) : null;
  const encoder = new TextEncoder();
  const ahead: Array<Promise<string>> = [];
  let next = 0;
  const readAhead = () => {
    while (ahead.length < EXPORT_AHEAD && next < size) {
      const to = Math.min(size, next + EXPORT_CHUNK);
      const chunk = exportText(logId, next, to);
      // Awaited when its turn comes; a failure meanwhile must not count as an unhandled rejection.
      chunk.catch(() => {});
      ahead.push(chunk);
      next = to;
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      readAhead();
      const chunk = ahead.shift();
      if (!chunk) {
        if (checkpoint) controller.enqueue(encoder.encode(`${JSON.stringify({ checkpoint, publicKey })}\n`));
        controller.close();
        return;
      }
      const text = await chunk;
      readAhead();
      controller.enqueue(encoder.encode(text ? `${text}\n` : ""));
    },
  });
}
