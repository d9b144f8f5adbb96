// Full-text search rows (event_search, docs/record.md). A trigger on governance_events writes them in the inserting
// statement; an archive's import defers them instead (maintaining the GIN index row by row was most of a million-event
// import's time) and leaves a backlog range that the `search.index` job writes in batches after commit.
import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";

const CHUNK = 10_000n;

/** Until resumeSearchRows, this transaction's event inserts write no search rows. */
export async function deferSearchRows(tx: Tx): Promise<void> {
  await tx.$executeRaw`SET LOCAL commonweights.search_deferred = 'on'`;
}

/** Ends deferSearchRows and leaves the space's events (all of them: a newly imported space) to the search.index job. */
export async function resumeSearchRows(tx: Tx, spaceId: string): Promise<void> {
  await tx.$executeRaw`SET LOCAL commonweights.search_deferred = 'off'`;
  const [range] = await tx.$queryRaw<Array<{ from: bigint | null; to: bigint | null }>>`
    SELECT min(id) AS "from", max(id) AS "to" FROM governance_events WHERE space_id = ${spaceId}`;
  if (range?.from == null || range.to == null) return;
  await tx.$executeRaw`INSERT INTO search_backlog (space_id, from_id, to_id) VALUES (${spaceId}, ${range.from}, ${range.to})`;
  await enqueueJob(tx, "search.index", { spaceId }, { jobKey: `search-index:${spaceId}`, queue: "search-index" });
}

/**
 * Writes the search rows of a space's backlog, one chunk of ids per transaction, so a crash loses at most a chunk
 * (rows already written are skipped when it runs again). Returns how many rows it wrote.
 */
export async function indexSearchBacklog(spaceId: string, client: Db = db): Promise<number> {
  let written = 0;
  for (;;) {
    const chunk = await client.$transaction(async (tx) => {
      const [range] = await tx.$queryRaw<Array<{ from_id: bigint; to_id: bigint }>>`
        SELECT from_id, to_id FROM search_backlog WHERE space_id = ${spaceId} ORDER BY from_id LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!range) return null;
      const end = range.from_id + CHUNK - 1n < range.to_id ? range.from_id + CHUNK - 1n : range.to_id;
      const rows = await tx.$executeRaw`
        INSERT INTO event_search (event_id, space_id, doc)
        SELECT id, space_id, event_search_doc(type, subject, data) FROM governance_events
        WHERE space_id = ${spaceId} AND id BETWEEN ${range.from_id} AND ${end}
        ON CONFLICT (event_id) DO NOTHING`;
      if (end >= range.to_id) await tx.$executeRaw`DELETE FROM search_backlog WHERE space_id = ${spaceId} AND from_id = ${range.from_id}`;
      else await tx.$executeRaw`UPDATE search_backlog SET from_id = ${end + 1n} WHERE space_id = ${spaceId} AND from_id = ${range.from_id}`;
      return rows;
    });
    if (chunk === null) return written;
    written += chunk;
  }
}

/** Every space's backlog (`npm run admin -- index-search`, for an instance whose job queue is off). */
export async function indexAllSearchBacklogs(client: Db = db): Promise<number> {
  const spaces = await client.$queryRaw<Array<{ space_id: string }>>`SELECT DISTINCT space_id FROM search_backlog`;
  let written = 0;
  for (const { space_id } of spaces) written += await indexSearchBacklog(space_id, client);
  return written;
}
