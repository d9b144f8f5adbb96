// `npm start` / `npm run dev`: check the configuration, bring up a database (the embedded one when no
// DATABASE_URL is given), migrate, seed the demo on first start, build if needed, and serve.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { checkEnv, configuredProviders, demoLoginEnabled, type AppEnv } from "../lib/env";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { migrateDeploy } from "./migrate";

const dev = process.argv.includes("--dev");
const DATA_DIR = path.resolve(".data");

function die(message: string): never {
  console.error(`\n  ✖ ${message}\n`);
  process.exit(1);
}

/** A demo instance keeps a generated secret so sessions survive restarts; deployments must set their own. */
async function localAuthSecret(): Promise<string> {
  await mkdir(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const embedded = !process.env.DATABASE_URL;
  if (embedded && !process.env.AUTH_SECRET) process.env.AUTH_SECRET = await localAuthSecret();
  // The embedded demo is served on this machine; a deployment names its address (README: Deploy).
  if (embedded && !process.env.AUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";
  process.env.CW_DATABASE_MODE = embedded ? "embedded" : "external";

  const checked = checkEnv(process.env);
  if (!checked.ok) die(checked.problems.join("\n  ✖ "));
  const env = checked.env;

  let database: EmbeddedDb | undefined;
  if (embedded) {
    const port = Number(process.env.CW_EMBEDDED_PG_PORT ?? 54329);
    console.log(`• Starting the embedded PostgreSQL (port ${port})…`);
    // Its data is in .data/pg, unless it runs as root from where the postgres user cannot reach (it says so).
    database = await startEmbeddedDb({ dir: path.join(DATA_DIR, "pg"), port });
    process.env.DATABASE_URL = database.url("commonweights");
  }
  const databaseUrl = process.env.DATABASE_URL!;

  const state: { server?: ChildProcess } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const server = state.server;
    if (server?.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    if (database) {
      console.log("• Stopping the embedded PostgreSQL…");
      await database.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    console.log("• Applying database migrations…");
    migrateDeploy(databaseUrl);
    if (database?.fresh) {
      console.log("• First start: seeding the demo community…");
      run(["node_modules/.bin/tsx", "--conditions=react-server", "prisma/seed.ts"], "Seeding the demo failed");
    }
    if (!dev && !existsSync(path.join(".next", "BUILD_ID"))) {
      console.log("• No build found: building the app (about a minute)…");
      run(["node_modules/.bin/next", "build"], "The build failed");
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }

  const port = String(env.PORT);
  const server = spawn("node_modules/.bin/next", [dev ? "dev" : "start", "-p", port], {
    stdio: ["ignore", "pipe", "inherit"],
    env: process.env,
    detached: true, // its own process group, so stopping it stops next-server too
  });
  server.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready|started server|Local:/i.test(text)) printWelcome(port, env);
  });
  state.server = server;
  server.on("exit", (code) => void shutdown(code ?? 0));
}

let welcomed = false;
function printWelcome(port: string, env: AppEnv) {
  if (welcomed) return;
  welcomed = true;
  const demo = demoLoginEnabled(env);
  console.log(`\n  Commonweights is running at http://localhost:${port}`);
  console.log(
    demo
      ? "  Sign in: open /signin and pick a demo user (demo sign-in is on because no identity provider is configured)."
      : `  Sign in with: ${configuredProviders(env).join(", ") || "no provider configured (see README: Configuration)"}`,
  );
  console.log("  Stop with Ctrl-C.\n");
}

function run(command: string[], failure: string) {
  const [bin, ...args] = command;
  const result = spawnSync(bin!, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(failure);
}

main().catch((error) => die(error instanceof Error ? error.message : String(error)));
