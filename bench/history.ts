// History at scale: a space with 1,000,000 events (generated in SQL, with real canonical content, leaf hashes
// and a signed checkpoint), then p50/p95 server time of the history page's and the events API's data paths:
// the first page, a deep page and a filtered full-text search. `npm run bench -- history` (BENCH_EVENTS to change N).
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { createScratchDatabase } from "../scripts/scratch-database";
import { migrateDeploy } from "../scripts/migrate";

export const cleanups: Array<() => Promise<void>> = [];

export function log(message: string) {
  process.stdout.write(`• ${message}\n`);
}

/** A fresh migrated database on DATABASE_URL's server or an embedded PostgreSQL; sets DATABASE_URL to it. */
export async function freshDatabase(): Promise<string> {
  const scratch = await createScratchDatabase("cw_bench");
  cleanups.unshift(scratch.drop);
  migrateDeploy(scratch.url);
  process.env.DATABASE_URL = scratch.url;
  return scratch.url;
}

export async function runCleanups() {
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
}

const TYPES = ["ballot.cast", "finding.transitioned", "release.proposed", "member.added", "audit.filed"];
const WORDS = ["release candidate", "safety audit", "license review", "binding vote", "bias finding", "tokenizer update", "weights pinned"];

/**
 * Generates `count` events of one space in SQL: the canonical JSON (RFC 8785: keys sorted, no spaces) is built
 * by format(), so receipts and leaf hashes are the real ones; then positions, and one signed checkpoint.
 */
export async function generateLog(url: string, count: number): Promise<{ spaceId: string; slug: string; actors: string[] }> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  const spaceId = `space_${randomUUID()}`;
  const slug = "bench-history";
  await client.query(`INSERT INTO spaces (id, slug, name, visibility, updated_at) VALUES ($1, $2, 'Bench history', 'public', now())`, [spaceId, slug]);
  const actors = Array.from({ length: 10 }, (_, i) => `user_bench_${i}`);
  for (const [i, id] of actors.entries()) await client.query(`INSERT INTO users (id, name, email) VALUES ($1, $2, $3)`, [id, `Bench Person ${i}`, `bench${i}@example.test`]);
  const started = Date.now();
  await client.query(`
    CREATE TEMP TABLE gen AS
    SELECT n, uid, actor, at, type, rel, note, subj, dat,
      format('{"actor":"%s","at":"%s","data":%s,"id":"%s","space":"%s","subject":%s,"type":"%s","v":1}',
             actor, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), dat, uid, $1::text, subj, type) AS canon
    FROM (
    -- Subject and data of each type as the event catalog wants them (lib/record/events/), in RFC 8785 form (keys sorted).
    SELECT t.*,
      CASE type
        WHEN 'ballot.cast' THEN format('{"decisionId":"dec-%s","releaseId":"%s"}', rel, rel)
        WHEN 'finding.transitioned' THEN format('{"findingId":"f-%s","releaseId":"%s","reportId":"rep-%s"}', n, rel, rel)
        WHEN 'member.added' THEN format('{"spaceId":"%s","userId":"%s"}', $1::text, actor)
        WHEN 'audit.filed' THEN format('{"releaseId":"%s","reportId":"rep-%s"}', rel, n)
        ELSE format('{"releaseId":"%s"}', rel)
      END AS subj,
      CASE type
        WHEN 'ballot.cast' THEN format('{"binding":true,"choice":"+1","reason":"%s #%s"}', note, n)
        WHEN 'finding.transitioned' THEN format('{"from":"open","note":"%s #%s","number":1,"severity":"low","title":"Finding %s","to":"acknowledged"}', note, n, n)
        WHEN 'member.added' THEN '{"role":"member"}'
        WHEN 'audit.filed' THEN format('{"category":"safety","findings":[{"findingId":"f-%s","number":1,"severity":"low","title":"%s"}],"scopeDigests":[],"verdict":"pass"}', n, note)
        ELSE format('{"digests":[],"links":[],"modelName":"bench-%s","mofClass":null,"version":"1.%s"}', note, n)
      END AS dat
    FROM (
      SELECT n,
        (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12))::uuid AS uid,
        'user_bench_' || (n % 10) AS actor,
        date_trunc('milliseconds', timestamptz '2025-01-01 00:00:00+00' + n * interval '15 seconds') AS at,
        ($2::text[])[1 + n % 5] AS type,
        'rel-' || (n % 50) AS rel,
        CASE WHEN n % 97 = 7 THEN 'Swahili toxicity regression' ELSE ($3::text[])[1 + n % 7] END AS note
      FROM (SELECT n, md5($1 || n::text) AS h FROM generate_series(0, $4::int - 1) AS n) s
    ) t) u`, [spaceId, TYPES, WORDS, count]);
  const { rows: [base] } = await client.query<{ base: string }>(`SELECT coalesce(max(id), 0) + 1 AS base FROM governance_events`);
  // The search rows in bulk, as an import leaves them to its job (lib/record/mutations/search.ts): on a fresh database,
  // building the GIN index once over a million rows is minutes faster than maintaining it row by row.
  await client.query(`SET commonweights.search_deferred = 'on'`);
  await client.query(`
    INSERT INTO governance_events (id, event_id, space_id, actor_id, type, subject, data, created_at, hash)
    SELECT $2::bigint + n, uid, $1, actor, type, subj::jsonb, dat::jsonb, at,
           encode(sha256(convert_to(canon, 'UTF8')), 'hex')
    FROM gen`, [spaceId, base!.base]);
  await client.query(`RESET commonweights.search_deferred`);
  await client.query(`DROP INDEX event_search_doc_idx`);
  await client.query(`INSERT INTO event_search (event_id, space_id, doc) SELECT id, space_id, event_search_doc(type, subject, data) FROM governance_events WHERE space_id = $1`, [spaceId]);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`CREATE INDEX event_search_doc_idx ON event_search USING gin (doc)`);
  await client.query(`SELECT setval(pg_get_serial_sequence('governance_events', 'id'), (SELECT max(id) FROM governance_events))`);
  await client.query(`
    INSERT INTO event_positions (log_id, seq, event_id, leaf_hash)
    SELECT $1, n, $2::bigint + n, encode(sha256('\\x00'::bytea || convert_to(canon, 'UTF8')), 'hex') FROM gen`, [spaceId, base!.base]);
  await client.query(`DROP TABLE gen`);
  await client.query(`ANALYZE governance_events; ANALYZE event_positions`);
  log(`generated ${count.toLocaleString("en")} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // One signed checkpoint over all of them, as the sequencer would have left it.
  const { MerkleFrontier, bytesToHex, hexToBytes } = await import("../lib/record/merkle");
  const { signCheckpoint } = await import("../lib/record/checkpoint");
  const { instanceKey } = await import("../lib/record/signing-key");
  const { checkpointOrigin } = await import("../lib/record/sequencer");
  const frontier = new MerkleFrontier();
  for (let from = 0; from < count; from += 200_000) {
    const { rows } = await client.query<{ leaf_hash: string }>(`SELECT leaf_hash FROM event_positions WHERE log_id = $1 AND seq >= $2 AND seq < $3 ORDER BY seq`, [spaceId, from, from + 200_000]);
    for (const r of rows) frontier.append(hexToBytes(r.leaf_hash));
  }
  const key = await instanceKey();
  const signed = signCheckpoint({ origin: checkpointOrigin(spaceId), size: count, rootHash: bytesToHex(frontier.root()), timestamp: new Date().toISOString() }, key.privateKey);
  await client.query(`INSERT INTO checkpoints (id, log_id, size, root_hash, timestamp, signature, key_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    randomUUID(), spaceId, count, signed.rootHash, signed.timestamp, signed.signature, key.keyId,
  ]);
  await client.end();
  return { spaceId, slug, actors };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(name: string, fn: () => Promise<unknown>, runs = 60) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(`${name.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms ${p95 < 100 ? "✓" : "✗ (aim < 100 ms)"}`);
}

async function main() {
  const count = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const url = await freshDatabase();
  const { slug, actors } = await generateLog(url, count);
  const { spaceHistory } = await import("../lib/history/use-cases/space-history");
  const { eventsAfter } = await import("../lib/history/use-cases/events-after");
  const { db } = await import("../lib/db");
  // The deep page: the cursor of an event 90% of the way back.
  const [deep] = await db.$queryRaw<Array<{ id: bigint }>>`SELECT event_id AS id FROM event_positions WHERE seq = ${Math.floor(count * 0.1)} LIMIT 1`;
  console.log(`\nServer time of the data paths (use cases the page and the API call), ${count.toLocaleString("en")} events:`);
  await measure("history page: first page (50)", () => spaceHistory(null, slug, {}, { limit: 50 }));
  await measure("history page: deep page (90% back)", () => spaceHistory(null, slug, {}, { limit: 50, before: deep!.id }));
  await measure("history page: search 'swahili' (1% match)", () => spaceHistory(null, slug, { q: "swahili" }, { limit: 50 }));
  await measure("history page: search + type filter", () => spaceHistory(null, slug, { q: "swahili", type: "audit" }, { limit: 50 }));
  await measure("history page: actor + date range filter", () => spaceHistory(null, slug, { actorId: actors[4], from: new Date("2025-03-01T00:00:00Z"), to: new Date("2025-03-02T00:00:00Z") }, { limit: 50 }));
  await measure("history page: type filter (20% match)", () => spaceHistory(null, slug, { type: "audit.filed" }, { limit: 50 }));
  await measure("events API: first page (100)", () => eventsAfter(null, slug, { after: -1, limit: 100 }));
  await measure("events API: deep page (after 900,000)", () => eventsAfter(null, slug, { after: Math.floor(count * 0.9), limit: 100 }));
  await db.$disconnect();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(runCleanups);
}
