// The sequenced events after a position, for clients that follow the log.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { latestCheckpoint, listSequencedEvents } from "@/lib/record/data";
import { eventJson, openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { ok } from "@/lib/result";

export async function eventsAfter(actor: Actor | null, slug: string, { after, limit }: { after: number; limit: number }) {
  const { logId } = await openSpaceLog(actor, slug);
  const [rows, checkpoint] = await Promise.all([listSequencedEvents(logId, { after, limit }), latestCheckpoint(logId)]);
  return ok({
    events: rows.map((r) => ({ seq: r.seq, leafHash: r.leafHash, hash: r.hash, event: eventJson(r) })),
    next: rows.length === limit ? (rows[rows.length - 1]?.seq ?? null) : null,
    checkpoint,
  });
}
