// Use cases for reading a space's governance record: who may read its log, and its pages, proofs, exports, receipts and feed.
// They sit above lib/record (which every feature writes through) because they authorize through lib/spaces and name
// actors through lib/users.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { canonicalEvent } from "@/lib/record/canonical";
import {
  eventAtSeq,
  exportText,
  findReceipt,
  hasQueuedEvents,
  listHistory,
  listSequencedEvents,
  checkpointAt,
  latestCheckpoint,
  publicKeyFor,
  subjectTitles,
  type LogCheckpoint,
  type HistoryFilters,
  type StoredEvent,
} from "@/lib/record/data";
import { contentOf, leafHashOf } from "@/lib/record/event-content";
import { checkInclusion, proveConsistency, proveInclusion } from "@/lib/record/proofs";
import { logIdOf, sequenceLog } from "@/lib/record/sequencer";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { namesFor } from "@/lib/users/data";
import { atomFeed } from "@/lib/record/atom";

/** The space's log after the policy allowed reading it (private spaces answer NOT_FOUND to non-members). */
export async function openSpaceLog(actor: Actor | null, slug: string, { sequence = true }: { sequence?: boolean } = {}) {
  const { space, role } = await requireSpace(actor, slug, "history.view");
  const logId = logIdOf(space.id);
  // Read paths that show positions sequence first, so an event committed a moment ago already has its place.
  if (sequence && (await hasQueuedEvents(logId))) await sequenceLog(logId, { wait: true });
  return { space, role, logId };
}

export function eventJson(row: StoredEvent) {
  return { v: 1 as const, ...contentOf(row) };
}

export async function spaceHistory(actor: Actor | null, slug: string, filters: HistoryFilters, page: { before?: bigint; limit?: number }) {
  const { space, role, logId } = await openSpaceLog(actor, slug);
  const { events, nextBefore } = await listHistory(space.id, filters, page);
  const [names, titles] = await Promise.all([
    namesFor(events.flatMap((e) => [e.actorId, ((e.subject ?? {}) as { userId?: string }).userId ?? null])),
    subjectTitles(space.id, events),
  ]);
  return { space, role, logId, events, nextBefore, names: Object.fromEntries(names), titles };
}

export async function eventsAfter(actor: Actor | null, slug: string, { after, limit }: { after: number; limit: number }) {
  const { logId } = await openSpaceLog(actor, slug);
  const [rows, checkpoint] = await Promise.all([listSequencedEvents(logId, { after, limit }), latestCheckpoint(logId)]);
  return ok({
    events: rows.map((r) => ({ seq: r.seq, leafHash: r.leafHash, hash: r.hash, event: eventJson(r) })),
    next: rows.length === limit ? (rows[rows.length - 1]?.seq ?? null) : null,
    checkpoint,
  });
}

export type PermalinkView = {
  seq: number;
  event: StoredEvent;
  canonical: string;
  storedLeafHash: string;
  recomputedLeafHash: string;
  checkpoint: LogCheckpoint | null;
  proof: string[];
  verified: { ok: boolean; reason?: string };
};

async function permalink(logId: string, seq: number): Promise<Result<PermalinkView>> {
  const row = await eventAtSeq(logId, seq);
  if (!row) return fail("EVENT_NOT_FOUND", `This log has no event at position ${seq}.`, "not_found");
  const checkpoint = await latestCheckpoint(logId);
  const canonical = canonicalEvent(contentOf(row));
  const recomputedLeafHash = leafHashOf(contentOf(row));
  let proof: string[] = [];
  let verified: PermalinkView["verified"] = { ok: false, reason: "No checkpoint covers this event yet." };
  if (checkpoint && seq < checkpoint.size) {
    const inclusion = await proveInclusion(logId, seq, checkpoint.size);
    proof = inclusion.proof;
    // Verify the leaf recomputed from the content, so an edited event fails here even if its stored leaf did not change.
    const result = checkInclusion(inclusion, checkpoint, recomputedLeafHash);
    verified = result.ok ? { ok: true } : { ok: false, reason: result.reason };
  }
  return ok({ seq, event: row, canonical, storedLeafHash: row.leafHash, recomputedLeafHash, checkpoint, proof, verified });
}

export async function eventPermalink(actor: Actor | null, slug: string, seq: number) {
  const { space, logId } = await openSpaceLog(actor, slug);
  const view = await permalink(logId, seq);
  if (!view.ok) return view;
  const [names, titles] = await Promise.all([
    namesFor([view.data.event.actorId, ((view.data.event.subject ?? {}) as { userId?: string }).userId ?? null]),
    subjectTitles(space.id, [view.data.event]),
  ]);
  return ok({ ...view.data, space, names: Object.fromEntries(names), titles });
}

async function sizeOrLatest(logId: string, size: number | undefined): Promise<Result<{ size: number; checkpoint: LogCheckpoint | null }>> {
  const latest = await latestCheckpoint(logId);
  const max = latest?.size ?? 0;
  const wanted = size ?? max;
  if (wanted > max) return fail("SIZE_TOO_LARGE", `The log has ${max} sequenced events; size ${wanted} does not exist yet.`, "invalid");
  return ok({ size: wanted, checkpoint: wanted === max ? latest : await checkpointAt(logId, wanted) });
}

export async function inclusionProofFor(actor: Actor | null, slug: string, { seq, size }: { seq: number; size?: number }) {
  const { logId } = await openSpaceLog(actor, slug);
  const target = await sizeOrLatest(logId, size);
  if (!target.ok) return target;
  if (seq >= target.data.size) return fail("SEQ_OUT_OF_RANGE", `Event ${seq} is not in a tree of ${target.data.size} events.`, "invalid");
  const proof = await proveInclusion(logId, seq, target.data.size);
  return ok({ ...proof, checkpoint: target.data.checkpoint });
}

export async function consistencyProofFor(actor: Actor | null, slug: string, { from, to }: { from: number; to?: number }) {
  const { logId } = await openSpaceLog(actor, slug);
  const target = await sizeOrLatest(logId, to);
  if (!target.ok) return target;
  if (from > target.data.size) return fail("SIZE_OUT_OF_RANGE", `from (${from}) must not exceed to (${target.data.size}).`, "invalid");
  const proof = await proveConsistency(logId, from, target.data.size);
  return ok({ ...proof, fromCheckpoint: await checkpointAt(logId, from), toCheckpoint: target.data.checkpoint });
}

/** A vote receipt (an event hash) in this space: the event, its position and its inclusion in the latest checkpoint. */
export async function receiptInSpace(actor: Actor | null, slug: string, hash: string) {
  const { space } = await openSpaceLog(actor, slug, { sequence: false });
  const found = await findReceipt(hash.trim().toLowerCase());
  if (!found || found.event.spaceId !== space.id) return fail("RECEIPT_NOT_FOUND", "No event in this space has that receipt.", "not_found");
  if (!found.position) return fail("NOT_SEQUENCED", "The event is recorded but not sequenced yet; try again in a moment.", "conflict");
  const view = await permalink(found.position.logId, found.position.seq);
  if (!view.ok) return view;
  const { seq, checkpoint, proof, verified, storedLeafHash } = view.data;
  return ok({ hash: found.event.hash, seq, leafHash: storedLeafHash, event: eventJson(found.event), proof, checkpoint, verified: verified.ok });
}

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

export async function spaceFeed(actor: Actor | null, slug: string, origin: string, now: Date): Promise<string> {
  const { space, events, names, titles } = await spaceHistory(actor, slug, {}, { limit: 50 });
  return atomFeed({ origin, space, events, names, titles, now });
}
