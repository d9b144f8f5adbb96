// The `next start` that the HTTP benchmarks measure: build if needed, start on a free port against a bench
// database, wait for health, stop with its process group; and the CPU meter they read around a measured phase.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { freePort } from "../scripts/embedded-db";
import { groupCpuSeconds, postgresCpuSeconds } from "./cpu";

export type NextServer = { port: number; pid: number; stop: () => Promise<void> };

/** `next build` once, when the checkout has no build yet. */
export function ensureBuild(log: (message: string) => void) {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (existsSync(path.join(".next", "BUILD_ID"))) return;
  log("No build found: next build (a minute or two)…");
  const built = spawnSync("node_modules/.bin/next", ["build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (built.status !== 0) throw new Error("next build failed");
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/api/health" }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode === 200));
    });
    req.on("error", () => resolve(false));
  });
}

/**
 * Starts `next start` detached (its own process group, so stopping it stops its children too) and waits until
 * /api/health answers. BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there when it stops.
 */
export async function startNextServer({ url, poolSize, env = {}, log, seconds = 120 }: { url: string; poolSize?: number; env?: Record<string, string>; log: (message: string) => void; seconds?: number }): Promise<NextServer> {
  const port = await freePort();
  log(`Starting next start on port ${port}${poolSize ? ` (pool ${poolSize})` : ""}…`);
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server: ChildProcess = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      ...(poolSize ? { DATABASE_POOL_SIZE: String(poolSize) } : {}),
      CW_DATABASE_MODE: "external",
      AUTH_SECRET: "bench-secret-0123456789-0123456789-0123456789",
      AUTH_TRUST_HOST: "1",
      AUTH_DEMO_LOGIN: "",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = async () => {
    if (!server.pid || server.exitCode !== null) return;
    try {
      process.kill(-server.pid, "SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    } catch {
      /* already gone */
    }
  };
  const deadline = Date.now() + seconds * 1000;
  while (!(await healthy(port))) {
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      throw new Error(`next start did not come up on port ${port} within ${seconds}s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { port, pid: server.pid!, stop };
}

export type CpuReading = { server: number; postgres: number };

/** CPU seconds of the server's process group and of every PostgreSQL process, now. */
export const readCpu = (serverPid: number): CpuReading => ({ server: groupCpuSeconds(serverPid), postgres: postgresCpuSeconds() });

/** Starts a CPU meter; calling the result gives the seconds each side spent since. */
export function cpuMeter(serverPid: number): () => CpuReading {
  const before = readCpu(serverPid);
  return () => {
    const now = readCpu(serverPid);
    return { server: now.server - before.server, postgres: now.postgres - before.postgres };
  };
}
