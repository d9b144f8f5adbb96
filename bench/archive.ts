// A space archive at scale: a space of 1,000,000 events (bench/history.ts's generator, plus the space.created event and
// the member rows its member.added events call for), exported to a file, verified offline (npm run verify), and
// imported as a mirror on a second database (npm run admin -- import-archive). `npm run bench -- archive`
// (BENCH_EVENTS to change N). Each step runs as the operator would run it.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createScratchDatabase } from "../scripts/scratch-database";
import { migrateDeploy } from "../scripts/migrate";
import { freshDatabase, generateLog, log, runCleanups, cleanups } from "./history";

const count = Number(process.env.BENCH_EVENTS ?? 1_000_000);

function timed(name: string, command: string[], env: Record<string, string>): number {
  const started = Date.now();
  const run = spawnSync(command[0]!, command.slice(1), { env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 24 });
  const seconds = (Date.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr || run.stdout}`);
  log(`${name}: ${seconds.toFixed(1)} s — ${(run.stdout.trim().split("\n").at(-1) ?? "").slice(0, 160)}`);
  return seconds;
}

async function main() {
  const url = await freshDatabase();
  const { spaceId, slug, actors } = await generateLog(url, count);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The generator's member.added events (every fifth type, n % 5 = 3) are by, and about, actors n % 10 = 3 and 8.
  for (const actor of actors.filter((_, i) => i % 5 === 3)) await client.query(`INSERT INTO memberships (id, space_id, user_id, role) VALUES ($1, $2, $3, 'member')`, [`m-${actor}`, spaceId, actor]);
  await client.end();
  const { db } = await import("../lib/db");
  const { appendEvent } = await import("../lib/record/append");
  const { sequenceLog } = await import("../lib/record/sequencer");
  await db.$transaction((tx) => appendEvent(tx, { spaceId, actorId: null, type: "space.created", subject: { spaceId }, data: { slug, name: "Bench history", visibility: "public", charterVersion: 1 } }));
  await sequenceLog(spaceId, { wait: true });

  const dir = mkdtempSync(path.join(os.tmpdir(), "cw-bench-archive-"));
  if (!process.env.BENCH_KEEP) cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, `${slug}.cwarchive`);
  const { writeSpaceArchive } = await import("../lib/archive/export");
  let started = Date.now();
  const out = createWriteStream(file);
  await writeSpaceArchive(null, slug, "https://bench.example", async (text) => {
    if (!out.write(text)) await once(out, "drain");
  });
  out.end();
  await once(out, "finish");
  const exportSeconds = (Date.now() - started) / 1000;
  log(`export: ${exportSeconds.toFixed(1)} s — ${(statSync(file).size / 1e6).toFixed(0)} MB for ${(count + 1).toLocaleString("en")} events`);
  await db.$disconnect();

  const tsx = "node_modules/.bin/tsx";
  const verifySeconds = timed("verify", [tsx, "scripts/verify.ts", file], {});
  const second = await createScratchDatabase("cw_bench_import");
  cleanups.unshift(second.drop);
  migrateDeploy(second.url);
  started = Date.now();
  const importSeconds = timed("import (one pass: verified as it is written)", [tsx, "--conditions=react-server", "scripts/admin.ts", "import-archive", "--file", file, "--mode", "mirror"], { DATABASE_URL: second.url });
  // The import leaves its events' search rows to the search.index job; the operator's command runs the same work now.
  const searchSeconds = timed("search rows after the import (what the search.index job does)", [tsx, "--conditions=react-server", "scripts/admin.ts", "index-search"], { DATABASE_URL: second.url });
  log(`summary: ${(count + 1).toLocaleString("en")} events — export ${exportSeconds.toFixed(1)} s, verify ${verifySeconds.toFixed(1)} s, import ${importSeconds.toFixed(1)} s (then search rows ${searchSeconds.toFixed(1)} s)`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(runCleanups);
