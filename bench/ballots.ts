// Ballot throughput: 2,000 voters cast through POST /api/v1/decisions/{id}/ballots at 64 concurrent
// keep-alive requests against `next start` on a fresh database, then the database's own ceiling
// (64 connections doing single-row ballot upserts for the same duration) and the ratio app/ceiling.
import { randomUUID } from "node:crypto";
import http from "node:http";
import os from "node:os";
import pg from "pg";
import { createScratchDatabase } from "../scripts/scratch-database";
import { ownCpuSeconds, postgresCpuSeconds } from "./cpu";
import { cpuMeter, ensureBuild, startNextServer } from "./next-server";
import { migrateDeploy } from "../scripts/migrate";
import { defaultCharter } from "../lib/charter/rules";
import { generateToken } from "../lib/tokens/rules";

const VOTERS = Number(process.env.BENCH_VOTERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const OPTIONS = ["a", "b", "c"];
const cleanups: Array<() => Promise<void>> = [];

function log(message: string) {
  process.stdout.write(`• ${message}\n`);
}

async function freshDatabase(): Promise<string> {
  const scratch = await createScratchDatabase("cw_bench");
  cleanups.unshift(scratch.drop);
  return scratch.url;
}

/** Users, one space (everyone a steward, so every ballot is binding), the charter and one token each. */
async function populate(client: pg.Client) {
  const charter = defaultCharter();
  charter.audits.requiredCategories = [];
  const spaceId = `space_${randomUUID()}`;
  await client.query(`INSERT INTO spaces (id, slug, name, visibility, updated_at) VALUES ($1, 'bench', 'Bench', 'public', now())`, [spaceId]);
  await client.query(`INSERT INTO charter_versions (id, space_id, version, charter, reason) VALUES ($1, $2, 1, $3, 'bench')`, [randomUUID(), spaceId, JSON.stringify(charter)]);
  const tokens: string[] = [];
  const batch = 500;
  for (let start = 0; start <= VOTERS; start += batch) {
    const ids: string[] = [];
    const hashes: string[] = [];
    const prefixes: string[] = [];
    for (let i = start; i < Math.min(start + batch, VOTERS + 1); i += 1) {
      const secret = generateToken();
      ids.push(`user_${i}_${randomUUID().slice(0, 8)}`);
      hashes.push(secret.hash);
      prefixes.push(secret.displayPrefix);
      tokens.push(secret.token);
    }
    await client.query(`INSERT INTO users (id, name, email) SELECT id, 'Voter ' || id, id || '@bench.test' FROM unnest($1::text[]) AS id`, [ids]);
    await client.query(
      `INSERT INTO memberships (id, space_id, user_id, role) SELECT 'm_' || id, $2, id, (CASE WHEN id = $3 THEN 'owner' ELSE 'steward' END)::"Role" FROM unnest($1::text[]) AS id`,
      [ids, spaceId, start === 0 ? ids[0] : ""],
    );
    await client.query(
      `INSERT INTO api_tokens (id, user_id, name, prefix, token_hash) SELECT 't_' || u, u, 'bench', p, h FROM unnest($1::text[], $2::text[], $3::text[]) AS x(u, h, p)`,
      [ids, hashes, prefixes],
    );
  }
  return { owner: tokens[0]!, voters: tokens.slice(1) };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(port: number, method: string, pathName: string, token: string | null, body?: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path: pathName,
        agent,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function runPool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

/** The database's ceiling: 64 connections each upserting single ballot rows as fast as they can. */
async function databaseCeiling(url: string, decisionId: string, seconds: number): Promise<{ ceiling: number; postgresPerUpsert: number }> {
  const clients = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  const postgresBefore = postgresCpuSeconds();
  const end = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    clients.map(async (client, c) => {
      let i = 0;
      while (Date.now() < end) {
        await client.query(
          `INSERT INTO ballots (id, decision_id, voter_id, choice, binding, cast_at, receipt) VALUES ($1, $2, $3, $4::jsonb, true, now(), $5)
           ON CONFLICT (decision_id, voter_id) DO UPDATE SET choice = EXCLUDED.choice, cast_at = EXCLUDED.cast_at, receipt = EXCLUDED.receipt`,
          [randomUUID(), decisionId, `ceiling-${c}-${i++}`, JSON.stringify("a"), randomUUID()],
        );
        done += 1;
      }
    }),
  );
  // Read before the connections close: a backend's CPU time leaves /proc with it.
  const postgresPerUpsert = (postgresCpuSeconds() - postgresBefore) / done;
  await Promise.all(clients.map((client) => client.end()));
  return { ceiling: done / seconds, postgresPerUpsert };
}

async function main() {
  ensureBuild(log);
  log("Fresh database, migrations…");
  const url = await freshDatabase();
  migrateDeploy(url);
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // the database is dropped at the end, possibly under this client
  await client.connect();
  log(`Creating ${VOTERS} voters with tokens…`);
  const { owner, voters } = await populate(client);

  const server = await startNextServer({ url, poolSize: CONCURRENCY, log });
  cleanups.unshift(server.stop);
  const port = server.port;

  const opened = await request(port, "POST", "/api/v1/spaces/bench/decisions", owner, {
    title: "Bench decision",
    kind: "policy",
    method: "plurality",
    hours: 72,
    options: OPTIONS.map((id) => ({ id, label: id.toUpperCase() })),
  });
  if (opened.status !== 201) throw new Error(`opening the decision failed: ${opened.status} ${JSON.stringify(opened.json)}`);
  const decisionId = (opened.json as { id: string }).id;
  const ballotPath = `/api/v1/decisions/${decisionId}/ballots`;

  // Warm-up without writing: malformed choices exercise routing, auth and validation (answered 400).
  await runPool(300, CONCURRENCY, (i) => request(port, "POST", ballotPath, voters[i % voters.length]!, { choice: 42 }));

  log(`Casting ${voters.length} ballots at ${CONCURRENCY} concurrent requests…`);
  const truth: Record<string, number> = Object.fromEntries(OPTIONS.map((o) => [o, 0]));
  const cpuSince = cpuMeter(server.pid);
  const ownBefore = ownCpuSeconds();
  const started = performance.now();
  const results = await runPool(voters.length, CONCURRENCY, async (i) => {
    const choice = OPTIONS[i % OPTIONS.length]!;
    const t0 = performance.now();
    const res = await request(port, "POST", ballotPath, voters[i]!, { choice });
    const ms = performance.now() - t0;
    if (res.status === 201) truth[choice] = (truth[choice] ?? 0) + 1;
    return { ms, status: res.status, json: res.json };
  });
  const seconds = (performance.now() - started) / 1000;
  const { server: cpu, postgres: postgresCpu } = cpuSince();
  const ownCpu = ownCpuSeconds() - ownBefore;
  const failures = results.filter((r) => r.status !== 201);
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  const rate = voters.length / seconds;

  const stored = Number((await client.query(`SELECT count(*) FROM ballots WHERE decision_id = $1`, [decisionId])).rows[0].count);
  const events = Number((await client.query(`SELECT count(*) FROM governance_events WHERE type = 'ballot.cast' AND subject->>'decisionId' = $1`, [decisionId])).rows[0].count);
  const view = await request(port, "GET", `/api/v1/decisions/${decisionId}`, owner);
  const counts = (view.json as { tally: { counts: Record<string, number> } }).tally.counts;
  const tallyMatches = OPTIONS.every((o) => counts[o] === truth[o]);

  // For scale: the cheapest route there is, GET /api/health (one SELECT 1), at the same concurrency.
  await runPool(300, CONCURRENCY, () => request(port, "GET", "/api/health", null));
  const healthCpuSince = cpuMeter(server.pid);
  const healthStarted = performance.now();
  await runPool(voters.length, CONCURRENCY, () => request(port, "GET", "/api/health", null));
  const healthRate = voters.length / ((performance.now() - healthStarted) / 1000);
  const healthCpu = healthCpuSince().server;

  log(`Measuring the database ceiling for ${seconds.toFixed(1)} s (64 connections, single-row ballot upserts)…`);
  const ceilingDecision = `ceiling_${randomUUID()}`;
  await client.query(
    `INSERT INTO decisions (id, space_id, title, kind, method, charter_version, eligibility, eligibility_hash, opens_at, closes_at, created_by_id)
     SELECT $1, space_id, 'ceiling', 'policy', 'plurality', 1, '[]', '', now(), now() + interval '1 day', 'x' FROM decisions WHERE id = $2`,
    [ceilingDecision, decisionId],
  );
  const { ceiling, postgresPerUpsert } = await databaseCeiling(url, ceilingDecision, Math.max(3, seconds));
  await client.end();

  const cpuCores = os.cpus();
  console.log("\nBallots benchmark");
  console.log(`  machine            ${cpuCores.length} × ${cpuCores[0]?.model.trim() ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
  console.log(`  ballots            ${voters.length} voters, ${CONCURRENCY} concurrent keep-alive requests, ${seconds.toFixed(2)} s`);
  console.log(`  throughput         ${rate.toFixed(0)} ballots/s`);
  console.log(`  latency            p50 ${percentile(latencies, 50).toFixed(1)} ms · p95 ${percentile(latencies, 95).toFixed(1)} ms · p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  const perBallot = (seconds: number) => `${((seconds * 1000) / voters.length).toFixed(2)} ms`;
  console.log(`  CPU per ballot     ${perBallot(cpu)} next start · ${perBallot(postgresCpu)} PostgreSQL · ${perBallot(ownCpu)} load generator (${cpuCores.length} cores ${(((cpu + postgresCpu + ownCpu) / seconds / cpuCores.length) * 100).toFixed(0)}% busy)`);
  console.log(`  for scale          GET /api/health (one SELECT 1): ${healthRate.toFixed(0)} requests/s, ${perBallot(healthCpu)} of next start CPU per request`);
  console.log(`  refused/failed     ${failures.length}${failures.length ? ` (first: ${failures[0]!.status} ${JSON.stringify(failures[0]!.json).slice(0, 200)})` : ""}`);
  console.log(`  stored ballots     ${stored} (expected ${voters.length}) · ballot.cast events ${events}`);
  console.log(`  tally              ${JSON.stringify(counts)} ${tallyMatches ? "= ground truth" : `≠ ground truth ${JSON.stringify(truth)}`}`);
  console.log(`  database ceiling   ${ceiling.toFixed(0)} upserts/s (${(postgresPerUpsert * 1000).toFixed(2)} ms PostgreSQL CPU per upsert)`);
  console.log(`  ratio app/ceiling  ${(rate / ceiling).toFixed(3)}`);
  const ok = stored === voters.length && failures.length === 0 && tallyMatches;
  console.log(ok ? "\n  ✓ zero lost ballots, tally matches" : "\n  ✖ ballots lost or tally mismatch");
  return ok ? 0 : 1;
}

main()
  .then(async (code) => {
    agent.destroy();
    for (const cleanup of cleanups) await cleanup().catch((error) => console.error(error));
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    agent.destroy();
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    process.exit(1);
  });
