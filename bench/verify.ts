// Export and verify a 1,000,000-event log end to end: the events.ndjson stream written to a file, then the offline
// verifier (scripts/verify.ts, as a user runs it). `npm run bench -- verify` (BENCH_EVENTS to change N).
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase, generateLog, log, runCleanups } from "./history";

/** CPU seconds (user + system) of this process's finished children, from Linux's /proc (USER_HZ 100); null elsewhere. */
function childrenCpuSeconds(): number | null {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

const cpu = (seconds: number | null) => (seconds === null ? "" : `, ${seconds.toFixed(1)} s CPU`);

async function main() {
  const count = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const url = await freshDatabase();
  const { slug } = await generateLog(url, count);
  const { exportStream } = await import("../lib/history/use-cases/export-stream");
  const dir = mkdtempSync(path.join(os.tmpdir(), "cw-bench-verify-"));
  const file = path.join(dir, "events.ndjson");
  log("exporting and verifying…");

  const started = performance.now();
  const exportCpu = process.cpuUsage();
  const out = createWriteStream(file);
  const reader = (await exportStream(null, slug)).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!out.write(value)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const exported = performance.now();
  const { user, system } = process.cpuUsage(exportCpu);
  const childrenBefore = childrenCpuSeconds();
  const run = spawnSync("node_modules/.bin/tsx", ["scripts/verify.ts", file], { encoding: "utf8" });
  const verified = performance.now();
  const childrenAfter = childrenCpuSeconds();
  const verifyCpu = childrenBefore === null || childrenAfter === null ? null : childrenAfter - childrenBefore;

  // The same, as one pipeline: `curl …/events.ndjson | npm run verify -- -` (export and verification overlap).
  const pipeStarted = performance.now();
  const child = spawn("node_modules/.bin/tsx", ["scripts/verify.ts", "-"], { stdio: ["pipe", "pipe", "pipe"] });
  let childOut = "";
  child.stdout.on("data", (d: Buffer) => (childOut += d.toString()));
  child.stderr.on("data", (d: Buffer) => (childOut += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const piped = (await exportStream(null, slug)).getReader();
  for (;;) {
    const { done, value } = await piped.read();
    if (done) break;
    if (!child.stdin.write(value)) await new Promise<void>((r) => child.stdin.once("drain", () => r()));
  }
  child.stdin.end();
  const pipeStatus = await exited;
  const pipeSeconds = (performance.now() - pipeStarted) / 1000;

  console.log("");
  console.log(`export:    ${((exported - started) / 1000).toFixed(1)} s (${(statSync(file).size / 1e6).toFixed(0)} MB, ${count.toLocaleString("en")} events${cpu((user + system) / 1e6)} in Node, more in Postgres)`);
  console.log(`verify:    ${((verified - exported) / 1000).toFixed(1)} s (npm run verify on the file, exit ${run.status}${cpu(verifyCpu)})`);
  console.log(`total:     ${((verified - started) / 1000).toFixed(1)} s end to end, download then verify (aim < 10 s)`);
  console.log(`pipelined: ${pipeSeconds.toFixed(1)} s end to end, export streamed into \`npm run verify -- -\` (exit ${pipeStatus})`);
  console.log(`verifier:  ${(run.stdout || run.stderr).trim()}`);
  if (childOut.trim() !== (run.stdout || run.stderr).trim()) console.log(`pipelined verifier: ${childOut.trim()}`);
  rmSync(dir, { recursive: true, force: true });
  const { db } = await import("../lib/db");
  await db.$disconnect();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(runCleanups);
