// Page speed at scale: the demo community seeded for real, then multiplied 100× in place (releases, audits,
// findings, decisions, ballots and their record events, cloned with new ids and real hashes, sequenced by the
// sequencer; 600 more members), and 16 signed-in readers walking the main page types against `next start`.
// Prints p50/p95 per page type, then each type alone: CPU, statements and bytes per page. `npm run bench -- pages`
// (BENCH_COPIES, BENCH_READERS, BENCH_ROUNDS, BENCH_PER_TYPE to change it; BENCH_CPU_PROF=<dir> profiles the server;
// BENCH_HOLD=1 keeps the database and server up for profiling by hand).
import { randomBytes } from "node:crypto";
import http from "node:http";
import os from "node:os";
import pg from "pg";
import { cleanups, freshDatabase, log, runCleanups } from "./history";
import { cpuMeter, ensureBuild, startNextServer } from "./next-server";

const COPIES = Number(process.env.BENCH_COPIES ?? 100); // the demo, and COPIES - 1 clones of its items
const READERS = Number(process.env.BENCH_READERS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25); // walks of every page type per reader
const EXTRA_MEMBERS = Number(process.env.BENCH_MEMBERS ?? 600);
// The demo's items have few events each; the clones' events repeat (new ids, new hashes, same items) until the
// space's log holds about this many, the size the issue asks of the history page.
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);

/** Tables cloned per copy, parents first; the id columns that point at cloned rows get the copy's suffix. */
const cloned = ["releases", "artifacts", "release_components", "registry_links", "decisions", "ballots", "audit_reports", "findings", "finding_transitions", "audit_reviews"];
const clonedRefs = new Set(["id", "previous_release_id", "release_id", "report_id", "finding_id", "decision_id"]);
const clonedEventTypes = ["release.%", "audit.%", "finding.%", "decision.%", "ballot.%"];

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() ORDER BY ordinal_position`, [table]);
  return rows.map((r) => r.column_name);
}

async function multiply(client: pg.Client, spaceId: string) {
  for (const table of cloned) {
    const columns = await columnsOf(client, table);
    const expr = columns.map((c) => {
      if (clonedRefs.has(c)) return `"${c}" || '_b' || b.n`;
      if (table === "releases" && c === "version") return `version || '+b' || b.n`; // unique per space with the model name
      return `"${c}"`;
    });
    const quoted = columns.map((c) => `"${c}"`).join(", ");
    await client.query(`INSERT INTO ${table} (${quoted}) SELECT ${expr.join(", ")} FROM ${table} AS t CROSS JOIN generate_series(1, $1::int) AS b(n)`, [COPIES - 1]);
  }
  // The record events of those items, with subjects pointing at the clones and real hashes (the log is
  // append-only, so each row is hashed before it is written), queued for the sequencer.
  const { contentOf, storedEventColumns } = await import("../lib/record/event-content");
  const { hashEvent } = await import("../lib/record/canonical");
  const { randomUUID } = await import("node:crypto");
  const { rows: originals } = await client.query(`SELECT ${storedEventColumns} FROM governance_events e WHERE e.space_id = $1 AND e.type LIKE ANY($2::text[]) ORDER BY e.id`, [spaceId, clonedEventTypes]);
  const refKeys = new Set(["releaseId", "reportId", "findingId", "decisionId"]);
  const repeats = Math.max(1, Math.ceil(EVENTS / Math.max(1, originals.length * (COPIES - 1))));
  for (let k = 0; k < (COPIES - 1) * repeats; k++) {
    const n = 1 + (k % (COPIES - 1));
    const rows = originals.map((e) => {
      const subject = Object.fromEntries(Object.entries(e.subject as Record<string, unknown>).map(([k, v]) => [k, refKeys.has(k) && typeof v === "string" ? `${v}_b${n}` : v]));
      const row = { ...e, eventId: randomUUID(), subject, createdAt: new Date(e.createdAt.getTime() + k + 1) };
      return { ...row, hash: hashEvent(contentOf(row)) };
    });
    await client.query(
      `WITH ins AS (
         INSERT INTO governance_events (event_id, space_id, actor_id, type, subject, data, created_at, hash, type_version, via)
         SELECT x.event_id, $1, x.actor_id, x.type, x.subject::jsonb, x.data::jsonb, x.created_at, x.hash, x.type_version, x.via
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::int[], $10::text[])
           AS x(event_id, actor_id, type, subject, data, created_at, hash, type_version, via)
         ORDER BY x.created_at
         RETURNING id)
       INSERT INTO event_queue (event_id, log_id) SELECT id, $1 FROM ins`,
      [
        spaceId,
        rows.map((r) => r.eventId),
        rows.map((r) => r.actorId),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.subject)),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => r.createdAt),
        rows.map((r) => r.hash),
        rows.map((r) => r.typeVersion),
        rows.map((r) => r.via),
      ],
    );
  }
  // More people: members who joined, each with a real member.added event.
  const ids = Array.from({ length: EXTRA_MEMBERS }, (_, i) => `bench_member_${i}`);
  await client.query(`INSERT INTO users (id, name, email) SELECT id, 'Bench Member ' || substr(id, 14), id || '@bench.test' FROM unnest($1::text[]) AS id`, [ids]);
  await client.query(`INSERT INTO memberships (id, space_id, user_id, role) SELECT 'm_' || id, $2, id, 'member' FROM unnest($1::text[]) AS id`, [ids, spaceId]);
  const { db } = await import("../lib/db");
  const { appendEvent } = await import("../lib/record/append");
  for (let i = 0; i < ids.length; i += 100) {
    await db.$transaction(async (tx) => {
      for (const userId of ids.slice(i, i + 100)) await appendEvent(tx, { spaceId, actorId: null, type: "member.added", subject: { spaceId, userId }, data: { role: "member" }, via: "system" });
    });
  }
  const { sequenceLog } = await import("../lib/record/sequencer");
  await sequenceLog(spaceId, { wait: true });
  await client.query(`ANALYZE`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: READERS });

function get(port: number, pathName: string, cookie: string): Promise<{ status: number; ms: number; bytes: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "GET", path: pathName, agent, headers: { cookie } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes }));
    });
    req.on("error", reject);
    req.end();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function main() {
  ensureBuild(log);
  log("Fresh database, migrations…");
  const url = await freshDatabase();
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  log("Seeding the demo community…");
  const { seedDemo } = await import("../prisma/seed-demo");
  const { ctx } = await seedDemo();
  const { sequenceLog } = await import("../lib/record/sequencer");
  await sequenceLog(ctx.spaceId, { wait: true });
  const started = Date.now();
  log(`Multiplying it ${COPIES}× in place…`);
  await multiply(client, ctx.spaceId);
  const count = async (sql: string) => Number((await client.query(sql, [ctx.spaceId])).rows[0].count);
  const sizes = {
    members: await count(`SELECT count(*) FROM memberships WHERE space_id = $1`),
    releases: await count(`SELECT count(*) FROM releases WHERE space_id = $1`),
    audits: await count(`SELECT count(*) FROM audit_reports WHERE space_id = $1`),
    decisions: await count(`SELECT count(*) FROM decisions WHERE space_id = $1`),
    events: await count(`SELECT count(*) FROM governance_events WHERE space_id = $1`),
  };
  log(`${Object.entries(sizes).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  // Signed-in readers: members with database sessions, as Auth.js keeps them.
  const { rows: readers } = await client.query<{ user_id: string }>(`SELECT user_id FROM memberships WHERE space_id = $1 ORDER BY user_id LIMIT $2`, [ctx.spaceId, READERS]);
  const cookies: string[] = [];
  for (const r of readers) {
    const token = randomBytes(24).toString("hex");
    await client.query(`INSERT INTO sessions (id, session_token, user_id, expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [`bench_${token.slice(0, 12)}`, token, r.user_id]);
    cookies.push(`authjs.session-token=${token}`);
  }
  const { rows: space } = await client.query<{ slug: string }>(`SELECT slug FROM spaces WHERE id = $1`, [ctx.spaceId]);
  const slug = space[0]!.slug;
  const releaseIds = (await client.query<{ id: string }>(`SELECT id FROM releases WHERE space_id = $1`, [ctx.spaceId])).rows.map((r) => r.id);
  const decisionIds = (await client.query<{ id: string }>(`SELECT id FROM decisions WHERE space_id = $1`, [ctx.spaceId])).rows.map((r) => r.id);
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)]!;
  const pages: Record<string, () => string> = {
    "space home": () => `/s/${slug}`,
    "releases list": () => `/s/${slug}/releases`,
    "release page": () => `/s/${slug}/releases/${pick(releaseIds)}`,
    "decision page": () => `/s/${slug}/decisions/${pick(decisionIds)}`,
    history: () => `/s/${slug}/history`,
  };

  const server = await startNextServer({ url, log });
  cleanups.unshift(server.stop);
  const port = server.port;

  const names = Object.keys(pages);
  if (process.env.BENCH_HOLD) {
    // For profiling by hand: keep the database and the server up, say how to reach them, stop on SIGTERM/SIGINT.
    log(`Holding: http://127.0.0.1:${port}${pages["release page"]!()} with cookie ${cookies[0]}; DATABASE_URL=${url}`);
    await new Promise((resolve) => { process.once("SIGTERM", resolve); process.once("SIGINT", resolve); });
    await client.end();
    return 0;
  }
  log("Warming up (every page type, every reader, twice)…");
  for (let round = 0; round < 2; round++) await Promise.all(cookies.map(async (cookie) => { for (const name of names) await get(port, pages[name]!(), cookie); }));

  log(`${READERS} readers × ${ROUNDS} walks over ${names.length} page types…`);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const failures: string[] = [];
  const cpuSince = cpuMeter(server.pid);
  const t0 = performance.now();
  await Promise.all(
    cookies.map(async (cookie) => {
      for (let round = 0; round < ROUNDS; round++) {
        // Each reader walks the page types in its own order, so the same type is not all in flight at once.
        for (const name of [...names].sort(() => Math.random() - 0.5)) {
          const url = pages[name]!();
          const res = await get(port, url, cookie);
          if (res.status !== 200) failures.push(`${res.status} ${url}`);
          times[name]!.push(res.ms);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const requests = READERS * ROUNDS * names.length;
  const { server: cpu, postgres: pgCpu } = cpuSince();

  // Then each page type alone, to say where the CPU goes: server and PostgreSQL CPU, statements and bytes per page.
  const PER_TYPE = Number(process.env.BENCH_PER_TYPE ?? 4); // requests per reader per type
  const committed = async () => {
    await new Promise((resolve) => setTimeout(resolve, 1200)); // backends flush their statistics about once a second
    return Number((await client.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`)).rows[0].xact_commit);
  };
  const perType: Record<string, { server: number; postgres: number; statements: number; bytes: number }> = {};
  for (const name of names) {
    const before = await committed();
    const since = cpuMeter(server.pid);
    let bytes = 0;
    await Promise.all(cookies.map(async (cookie) => { for (let i = 0; i < PER_TYPE; i++) {
        const res = await get(port, pages[name]!(), cookie);
        bytes += res.bytes;
      } }));
    const used = since();
    const n = cookies.length * PER_TYPE;
    perType[name] = { server: (used.server * 1000) / n, postgres: (used.postgres * 1000) / n, statements: ((await committed()) - before - 1) / n, bytes: bytes / n };
  }
  await client.end();

  const cores = os.cpus();
  console.log("\nPages benchmark");
  console.log(`  machine        ${cores.length} × ${cores[0]?.model.trim() ?? "cpu"}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`  data           ${Object.entries(sizes).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")}`);
  console.log(`  load           ${READERS} signed-in readers, ${requests} requests in ${seconds.toFixed(1)} s (${(requests / seconds).toFixed(0)}/s); CPU per request ${((cpu * 1000) / requests).toFixed(1)} ms next start, ${((pgCpu * 1000) / requests).toFixed(1)} ms PostgreSQL`);
  let met = true;
  for (const name of names) {
    const sorted = times[name]!.sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    met &&= p95 < 150;
    const t = perType[name]!;
    console.log(`  ${name.padEnd(14)} p50 ${percentile(sorted, 50).toFixed(0).padStart(4)} ms · p95 ${p95.toFixed(0).padStart(4)} ms${p95 < 150 ? "" : " (aim: < 150)"} · alone: CPU ${t.server.toFixed(1)} ms next start, ${t.postgres.toFixed(1)} ms PostgreSQL, ~${t.statements.toFixed(0)} statements, ${(t.bytes / 1024).toFixed(0)} KiB`);
  }
  console.log(`  failed         ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ""}`);
  return failures.length === 0 ? 0 : 1;
}

main()
  .then(async (code) => {
    agent.destroy();
    await runCleanups();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    agent.destroy();
    await runCleanups();
    process.exit(1);
  });
