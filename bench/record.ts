// Record throughput: 64 concurrent writers appending to one space for 20 s while the sequencer runs, two ways:
// appendEvent inside a Prisma interactive transaction (as most mutations do) and the event as one statement on a
// plain pool (as the ballot path writes it), against the database's ceiling measured in the same run (64
// connections doing plain single-row INSERTs for 20 s). Then the log is drained, exported and verified.
// `npm run bench -- record` (BENCH_SECONDS, BENCH_WRITERS to change).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { ownCpuSeconds, postgresCpuSeconds } from "./cpu";
import { freshDatabase, log, runCleanups } from "./history";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 64);

/** Samples what the database's active sessions wait on while `work` runs, and the WAL it writes. */
async function observe<T>(url: string, work: () => Promise<T>): Promise<{ result: T; walBytes: number; waits: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts = new Map<string, number>();
  let done = false;
  const [{ lsn }] = (await client.query(`SELECT pg_current_wal_lsn() AS lsn`)).rows;
  const sampling = (async () => {
    while (!done) {
      const { rows } = await client.query(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS wait, count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1`,
      );
      for (const row of rows) counts.set(row.wait, (counts.get(row.wait) ?? 0) + row.n);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await work();
  done = true;
  await sampling;
  const [{ bytes }] = (await client.query(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS bytes`, [lsn])).rows;
  await client.end();
  const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
  const waits = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([wait, n]) => `${wait} ${Math.round((100 * n) / total)}%`).join(", ");
  return { result, walBytes: Number(bytes), waits };
}

async function main() {
  const url = await freshDatabase();
  const { createDb } = await import("../lib/db");
  const { appendEvent, eventInsertCtes, prepareEvent } = await import("../lib/record/append");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const { sequenceLog } = await import("../lib/record/sequencer");
  const writerDb = createDb(url, WRITERS);
  const sequencerDb = createDb(url, 2);
  const spaceId = `space_${randomUUID()}`;
  await writerDb.space.create({ data: { id: spaceId, slug: "bench-record", name: "Bench record" } });
  const users = await Promise.all(Array.from({ length: 8 }, (_, i) => writerDb.user.create({ data: { name: `Writer ${i}`, email: `writer${i}-${randomUUID()}@example.test` } })));
  await sequenceLog(spaceId, { client: sequencerDb }); // loads the signing key before the clock starts

  // 1. The record path, with the sequencer running beside it as it does in the app.
  log(`${WRITERS} writers appending to one space for ${SECONDS} s, sequencer running…`);
  let appended = 0;
  let stop = false;
  let batches = 0;
  const sequencer = (async () => {
    while (!stop) {
      const result = await sequenceLog(spaceId, { client: sequencerDb, batch: 5000 });
      if (result.sequenced) batches++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const end = Date.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; Date.now() < end; i++) {
        await writerDb.$transaction((tx) =>
          appendEvent(tx, { spaceId, actorId: users[w % users.length]!.id, type: "ballot.cast", subject: { decisionId: "bench" }, data: { choice: "+1", reason: `writer ${w}, ballot ${i}`, binding: true } }),
        );
        appended++;
      }
    }),
  );
  const recordSeconds = (performance.now() - started) / 1000;
  stop = true;
  await sequencer;
  const drainStart = performance.now();
  await sequenceLog(spaceId, { client: sequencerDb, wait: true, batch: 5000 });
  const drainMs = performance.now() - drainStart;
  const eventsPerSecond = appended / recordSeconds;

  // 1b. The record as the ballot path writes it: the event and its queue row in one autocommit statement
  // (eventInsertCtes, the same SQL recordBallot embeds), sent on a plain pool without Prisma's query layer.
  // This is the record's own cost, no lock and no transaction round trips, with the sequencer running beside it.
  log(`${WRITERS} writers, the append as one statement on a plain pool (the ballot path), ${SECONDS} s…`);
  const statementPool = new pg.Pool({ connectionString: url, max: WRITERS });
  let single = 0;
  stop = false;
  const sequencer2 = (async () => {
    while (!stop) {
      await sequenceLog(spaceId, { client: sequencerDb, batch: 5000 });
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const singleEnd = Date.now() + SECONDS * 1000;
  const singleCpu = { own: ownCpuSeconds(), postgres: postgresCpuSeconds() };
  const singleStarted = performance.now();
  const singleObserved = await observe(url, () => Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; Date.now() < singleEnd; i++) {
        const event = prepareEvent({ spaceId, actorId: users[w % users.length]!.id, type: "ballot.cast", subject: { decisionId: "bench" }, data: { choice: "+1", reason: `writer ${w}, ballot ${i}`, binding: true } });
        const statement = Prisma.sql`WITH ${eventInsertCtes(event)} SELECT event_id FROM queued_event`;
        const { rowCount } = await statementPool.query(statement.text, statement.values as unknown[]);
        if (rowCount !== 1) throw new Error("the event was not recorded");
        single++;
      }
    }),
  ));
  const singlePerSecond = single / ((performance.now() - singleStarted) / 1000);
  const singleOwnMs = ((ownCpuSeconds() - singleCpu.own) * 1000) / single;
  const singlePostgresMs = ((postgresCpuSeconds() - singleCpu.postgres) * 1000) / single;
  stop = true;
  await sequencer2;
  await statementPool.end();
  await sequenceLog(spaceId, { client: sequencerDb, wait: true, batch: 5000 });

  // 2. The database's ceiling: plain single-row INSERTs, 64 connections, same duration.
  log(`${WRITERS} connections doing single-row INSERTs for ${SECONDS} s…`);
  const pool = new pg.Pool({ connectionString: url, max: WRITERS });
  await pool.query(`CREATE TABLE bench_plain (id bigserial PRIMARY KEY, space_id text NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  let inserted = 0;
  const plainEnd = Date.now() + SECONDS * 1000;
  const plainCpu = { own: ownCpuSeconds(), postgres: postgresCpuSeconds() };
  const plainStarted = performance.now();
  const plainObserved = await observe(url, () => Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      const client = await pool.connect();
      for (let i = 0; Date.now() < plainEnd; i++) {
        await client.query(`INSERT INTO bench_plain (space_id, payload) VALUES ($1, $2)`, [spaceId, JSON.stringify({ writer: w, i, choice: "+1" })]);
        inserted++;
      }
      client.release();
    }),
  ));
  const insertsPerSecond = inserted / ((performance.now() - plainStarted) / 1000);
  const plainOwnMs = ((ownCpuSeconds() - plainCpu.own) * 1000) / inserted;
  const plainPostgresMs = ((postgresCpuSeconds() - plainCpu.postgres) * 1000) / inserted;
  await pool.end();

  // 3. The log: gapless, each event once, and the export verifies offline.
  const [counts] = await writerDb.$queryRaw<Array<{ events: bigint; positions: bigint; maxseq: number | null; queued: bigint }>>`
    SELECT (SELECT count(*) FROM governance_events WHERE space_id = ${spaceId}) AS events,
           (SELECT count(*) FROM event_positions WHERE log_id = ${spaceId}) AS positions,
           (SELECT max(seq) FROM event_positions WHERE log_id = ${spaceId}) AS maxseq,
           (SELECT count(*) FROM event_queue WHERE log_id = ${spaceId}) AS queued`;
  const gapless = counts && counts.events === counts.positions && Number(counts.maxseq) + 1 === Number(counts.positions) && counts.queued === 0n;
  const { exportStream } = await import("../lib/history/use-cases/export-stream");
  const { ExportVerifier } = await import("../lib/record/verify-export");
  const verifier = new ExportVerifier();
  const reader = (await exportStream(null, "bench-record")).getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) verifier.addLine(line);
  }
  verifier.addLine(buffered);
  const outcome = verifier.finish();

  console.log("");
  console.log(`one-statement appends: ${Math.round(singlePerSecond).toLocaleString("en")} events/s (${single.toLocaleString("en")}; event + queue row in one statement, as the ballot path writes it)`);
  console.log(`  CPU per event:        ${singleOwnMs.toFixed(3)} ms writers + sequencer (this process) · ${singlePostgresMs.toFixed(3)} ms PostgreSQL`);
  console.log(`  WAL per event:        ${Math.round(singleObserved.walBytes / single)} bytes (with the sequencer's) · sessions: ${singleObserved.waits}`);
  console.log(`in a Prisma transaction: ${Math.round(eventsPerSecond).toLocaleString("en")} events/s (${appended.toLocaleString("en")} in ${recordSeconds.toFixed(1)} s; ${batches} sequencer batches; drained the rest in ${drainMs.toFixed(0)} ms)`);
  console.log(`plain INSERT ceiling:  ${Math.round(insertsPerSecond).toLocaleString("en")} inserts/s (${inserted.toLocaleString("en")})`);
  console.log(`  CPU per insert:       ${plainOwnMs.toFixed(3)} ms this process · ${plainPostgresMs.toFixed(3)} ms PostgreSQL`);
  console.log(`  WAL per insert:       ${Math.round(plainObserved.walBytes / inserted)} bytes · sessions: ${plainObserved.waits}`);
  console.log(`ratio:                 ${(singlePerSecond / insertsPerSecond).toFixed(2)} one statement (aim ≥ 0.5) · ${(eventsPerSecond / insertsPerSecond).toFixed(2)} in a Prisma interactive transaction`);
  console.log(`log:                  ${gapless ? `gapless, seq 0..${counts!.maxseq}, every event sequenced once` : `PROBLEM: ${JSON.stringify(counts, (_k, v) => (typeof v === "bigint" ? Number(v) : v))}`}`);
  console.log(`verifier:             ${outcome.ok ? outcome.summary : `FAILED: ${outcome.reason}`}`);
  await writerDb.$disconnect();
  await sequencerDb.$disconnect();
  const { db } = await import("../lib/db");
  await db.$disconnect();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(runCleanups);
