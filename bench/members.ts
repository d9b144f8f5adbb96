// Membership writes at scale: a steward adds 10,000 existing users to one space through
// POST /api/v1/spaces/{slug}/members (bounded concurrency, keep-alive, loopback) against `next start` on a fresh
// database, and the rate of the first thousand is set against the last: a lock that grows with the space shows
// as a falling rate. Then the same person is added at once by every connection (one 201, the rest 409).
// `npm run bench -- members` (BENCH_MEMBERS to change N, BENCH_CONCURRENCY the requests in flight).
import { randomUUID } from "node:crypto";
import http from "node:http";
import os from "node:os";
import pg from "pg";
import { cleanups, freshDatabase, log, runCleanups } from "./history";
import { cpuMeter, ensureBuild, readCpu, startNextServer } from "./next-server";
import { defaultCharter } from "../lib/charter/rules";
import { generateToken } from "../lib/tokens/rules";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 12);
const WINDOW = Math.min(1000, Math.floor(MEMBERS / 2));
const DUPLICATES = 16;

const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(CONCURRENCY, DUPLICATES) });

type Reply = { status: number; json: unknown };

function request(port: number, method: string, pathName: string, token: string | null, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = token ? { authorization: `Bearer ${token}` } : {};
    if (payload) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
    const req = http.request({ host: "127.0.0.1", port, method, path: pathName, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: unknown = text;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON: keep the text */
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Runs `count` tasks with at most `concurrency` in flight. */
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

/** One space (its owner, a steward with a token, the default charter) and MEMBERS + 1 users to add: setup, not measured. */
async function populate(client: pg.Client) {
  const spaceId = `space_${randomUUID()}`;
  await client.query(`INSERT INTO spaces (id, slug, name, visibility, updated_at) VALUES ($1, 'bench', 'Bench', 'public', now())`, [spaceId]);
  await client.query(`INSERT INTO charter_versions (id, space_id, version, charter, reason) VALUES ($1, $2, 1, $3, 'bench')`, [randomUUID(), spaceId, JSON.stringify(defaultCharter())]);
  await client.query(`INSERT INTO users (id, name, email) VALUES ('bench_owner', 'Owner', 'owner@bench.test'), ('bench_steward', 'Steward', 'steward@bench.test')`);
  await client.query(`INSERT INTO memberships (id, space_id, user_id, role) VALUES ('m_owner', $1, 'bench_owner', 'owner'), ('m_steward', $1, 'bench_steward', 'steward')`, [spaceId]);
  const secret = generateToken();
  await client.query(`INSERT INTO api_tokens (id, user_id, name, prefix, token_hash) VALUES ('t_steward', 'bench_steward', 'bench', $1, $2)`, [secret.displayPrefix, secret.hash]);
  // One user more than MEMBERS: the last one is added concurrently by every connection at the end.
  await client.query(
    `INSERT INTO users (id, name, email) SELECT 'user_' || i, 'Person ' || i, 'person' || i || '@bench.test' FROM generate_series(0, $1::int) AS i`,
    [MEMBERS],
  );
  return { spaceId, steward: secret.token, emails: Array.from({ length: MEMBERS + 1 }, (_, i) => `person${i}@bench.test`) };
}

const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(0);

async function main() {
  ensureBuild(log);
  log("Fresh database, migrations…");
  const url = await freshDatabase();
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // the database is dropped at the end, possibly under this client
  await client.connect();
  log(`Creating ${MEMBERS + 1} users to add…`);
  const { spaceId, steward, emails } = await populate(client);
  // One steward adds everyone: a limit far above the bench's rate keeps the limiter's cost in the figure without
  // refusing the adds (the default, 120 writes a minute per person, would refuse all but the first 120).
  const env = { CW_RATE_LIMIT_WRITES_PER_MINUTE: "1000000" };
  const server = await startNextServer({ url, poolSize: Math.max(CONCURRENCY, DUPLICATES), env, log });
  cleanups.unshift(server.stop);
  const { port, pid: serverPid } = server;
  const membersPath = "/api/v1/spaces/bench/members";

  // Warm-up that writes nothing: a malformed e-mail exercises routing, the token and validation (answered 400).
  await runPool(200, CONCURRENCY, () => request(port, "POST", membersPath, steward, { email: "not-an-email", role: "member" }));

  log(`Adding ${MEMBERS} members, ${CONCURRENCY} requests in flight…`);
  const cpuSince = cpuMeter(serverPid);
  const started = performance.now();
  const finished: number[] = [];
  const failures: Reply[] = [];
  // CPU read at every WINDOW-th add: unlike the rate, CPU per add hardly moves when other work shares the machine.
  const cpuMarks = [readCpu(serverPid)];
  await runPool(MEMBERS, CONCURRENCY, async (i) => {
    const reply = await request(port, "POST", membersPath, steward, { email: emails[i], role: "member" });
    if (reply.status === 201) finished.push(performance.now());
    else failures.push(reply);
    if (reply.status === 201 && finished.length % WINDOW === 0) cpuMarks.push(readCpu(serverPid));
    if ((i + 1) % 1000 === 0) log(`  ${i + 1} sent, ${perSecond(finished.length, performance.now() - started)} adds/s so far`);
  });
  const totalMs = performance.now() - started;
  const { server: serverCpu, postgres: postgresCpu } = cpuSince();

  // The same person added by every connection at once: exactly one 201, the rest 409 ALREADY_MEMBER.
  const duplicate = emails[MEMBERS]!;
  const dupReplies = await Promise.all(Array.from({ length: DUPLICATES }, () => request(port, "POST", membersPath, steward, { email: duplicate, role: "member" })));
  const dupCreated = dupReplies.filter((r) => r.status === 201).length;
  const dupConflicts = dupReplies.filter((r) => r.status === 409 && (r.json as { error?: { code?: string } })?.error?.code === "ALREADY_MEMBER").length;

  const stored = Number((await client.query(`SELECT count(*) FROM memberships WHERE space_id = $1`, [spaceId])).rows[0].count);
  const events = Number((await client.query(`SELECT count(*) FROM governance_events WHERE space_id = $1 AND type = 'member.added'`, [spaceId])).rows[0].count);
  await client.end();

  const windowRate = (from: number) => perSecond(WINDOW, finished[from + WINDOW - 1]! - (from === 0 ? started : finished[from - 1]!));
  const first = Number(windowRate(0));
  const last = Number(windowRate(finished.length - WINDOW));
  const thousands = [];
  for (let from = 0; from + WINDOW <= finished.length; from += WINDOW) thousands.push(windowRate(from));
  const windowCpu = (key: "server" | "postgres") => cpuMarks.slice(1).map((mark, k) => (((mark[key] - cpuMarks[k]![key]) * 1000) / WINDOW).toFixed(1));

  const cpus = os.cpus();
  console.log("\nMembers benchmark");
  console.log(`  machine            ${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log(`  adds               ${MEMBERS} through POST ${membersPath}, ${CONCURRENCY} in flight, ${(totalMs / 1000).toFixed(1)} s, ${perSecond(finished.length, totalMs)} adds/s overall`);
  console.log(`  first ${WINDOW}         ${first} adds/s`);
  console.log(`  last ${WINDOW}          ${last} adds/s (${((last / first) * 100).toFixed(0)}% of the first)`);
  console.log(`  each ${WINDOW}          ${thousands.join(" · ")} adds/s`);
  const perAdd = (seconds: number) => `${((seconds * 1000) / MEMBERS).toFixed(2)} ms`;
  console.log(`  CPU per add        ${perAdd(serverCpu)} next start · ${perAdd(postgresCpu)} PostgreSQL (every postgres process on the machine)`);
  console.log(`  each ${WINDOW}, CPU    next start ${windowCpu("server").join(" · ")} ms per add`);
  console.log(`                     PostgreSQL ${windowCpu("postgres").join(" · ")} ms per add`);
  console.log(`  refused/failed     ${failures.length}${failures.length ? ` (first: ${failures[0]!.status} ${JSON.stringify(failures[0]!.json).slice(0, 200)})` : ""}`);
  console.log(`  same person × ${DUPLICATES}   ${dupCreated} × 201, ${dupConflicts} × 409 ALREADY_MEMBER, ${DUPLICATES - dupCreated - dupConflicts} other`);
  console.log(`  stored             ${stored} memberships (expected ${MEMBERS + 3}) · member.added events ${events} (expected ${MEMBERS + 1})`);
  const ok = failures.length === 0 && dupCreated === 1 && dupConflicts === DUPLICATES - 1 && stored === MEMBERS + 3 && events === MEMBERS + 1;
  const flat = last >= first * 0.8;
  console.log(ok ? "\n  ✓ every add stored once, with its event" : "\n  ✖ adds lost, duplicated or refused");
  console.log(flat ? "  ✓ the last thousand within 20% of the first" : "  ✖ the rate falls as the space grows");
  return ok ? 0 : 1;
}

main()
  .then(async (code) => {
    agent.destroy();
    await runCleanups();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    agent.destroy();
    await runCleanups();
    process.exit(1);
  });
