// `npm run test:e2e`: browser tests against real servers. Prepares a fresh database (DATABASE_URL's
// server, or an embedded PostgreSQL), builds the app, starts a local OpenID Connect provider and three
// `next start` instances (the third, a second instance on a database of its own, is where archives are
// imported as mirrors and forks), runs Playwright in Debian's Chromium, and stops everything it started.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createScratchDatabase } from "./scratch-database";
import { migrateDeploy, migrateDeployInBackground } from "./migrate";

const APP_PORT = 3200; // a deployment: your own database, an identity provider, demo sign-in off
const DEMO_PORT = 3201; // the newcomer's `npm start`: embedded database, no provider, demo sign-in on
const SECOND_PORT = 3202; // another deployment, on its own database: it imports archives of the app's spaces
const OIDC_PORT = 3210;
const SMTP_PORT = 3225; // e2e/support/smtp-server.ts: the app's mail goes here; specs read it on SMTP_PORT + 1
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  const root = process.getuid?.() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!root || !apt) {
    console.error("✖ The browser tests need Debian's Chromium at /usr/bin/chromium: run `sudo apt-get install chromium`.");
    process.exit(1);
  }
  console.log("• Installing Debian's chromium…");
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new Error("apt-get could not install chromium");
  }
}

async function freshDatabase(): Promise<string> {
  const scratch = await createScratchDatabase("cw_e2e");
  cleanups.push(scratch.drop);
  return scratch.url;
}

/** The second instance's database: on the same server as `sibling`'s, migrated, empty (it is a new deployment). */
async function secondDatabase(sibling: string): Promise<string> {
  const server = new URL(sibling);
  server.pathname = "/postgres";
  const scratch = await createScratchDatabase("cw_e2e_second", { server: server.toString() });
  cleanups.unshift(scratch.drop); // before the first one's drop, which may stop the server
  await migrateDeployInBackground(scratch.url);
  return scratch.url;
}

/** A command run to its end without blocking this process (so other preparations go on meanwhile). */
function runToEnd(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code));
  });
}

function start(name: string, command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const log = (chunk: Buffer) => {
    if (process.env.E2E_VERBOSE) process.stdout.write(`[${name}] ${chunk}`);
  };
  child.stdout?.on("data", log);
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  children.push(child);
  return child;
}

async function waitFor(url: string, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not come up within ${seconds}s`);
}

async function stopAll() {
  for (const child of children) {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* gone */
      }
    }
  }
  for (const cleanup of cleanups) await cleanup().catch((error) => console.error(error));
}

async function main() {
  ensureChromium();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  console.log("• Preparing a fresh database for the browser tests…");
  const databaseUrl = await freshDatabase();
  migrateDeploy(databaseUrl);
  const seeded = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "prisma/seed.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "inherit",
  });
  if (seeded.status !== 0) throw new Error("seeding the e2e database failed");
  const preparingSecond = secondDatabase(databaseUrl);
  preparingSecond.catch(() => undefined); // awaited below; a failure meanwhile must not end the process uncleaned
  if (!process.env.E2E_SKIP_BUILD) {
    console.log("• Building the app (next build)…");
    if ((await runToEnd("node_modules/.bin/next", ["build"])) !== 0) throw new Error("next build failed");
  }
  const secondDatabaseUrl = await preparingSecond;

  const appUrl = `http://localhost:${APP_PORT}`;
  const demoUrl = `http://localhost:${DEMO_PORT}`;
  const secondUrl = `http://localhost:${SECOND_PORT}`;
  start("oidc", "node_modules/.bin/tsx", ["e2e/support/oidc-provider.ts"], { OIDC_PORT: String(OIDC_PORT), OIDC_APP_URLS: `${appUrl},${secondUrl}` });
  await waitFor(`http://127.0.0.1:${OIDC_PORT}/.well-known/openid-configuration`);

  const common = {
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "e2e-secret-0123456789-0123456789-0123456789",
    AUTH_TRUST_HOST: "1",
    AUTH_DEMO_LOGIN: "",
  };
  // One provider for both deployments, so a person signs in to each with the same account (issuer and subject).
  const provider = {
    AUTH_OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
    AUTH_OIDC_ID: "commonweights-e2e",
    AUTH_OIDC_SECRET: "e2e-secret-not-for-production",
    AUTH_OIDC_NAME: "Local ID",
  };
  start("smtp", "node_modules/.bin/tsx", ["e2e/support/smtp-server.ts"], { E2E_SMTP_PORT: String(SMTP_PORT), E2E_MAIL_API_PORT: String(SMTP_PORT + 1) });
  await waitFor(`http://127.0.0.1:${SMTP_PORT + 1}/messages`);
  start("app", "node_modules/.bin/next", ["start", "-p", String(APP_PORT)], {
    ...common,
    // Real e-mail to the test SMTP server; links in it point at this instance; due jobs are found quickly.
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    PORT: String(APP_PORT),
    CW_JOB_POLL_MS: "500",
    CW_DATABASE_MODE: "external",
    ...provider,
  });
  // The demo instance shares the app's database but has no SMTP server (its mail would go to its local outbox):
  // it runs no jobs, or it would take a share of the app's notify.email jobs and their mail would never reach
  // the test SMTP server. Instances on one database must agree on where mail goes (README, "Notifications").
  start("demo", "node_modules/.bin/next", ["start", "-p", String(DEMO_PORT)], { ...common, CW_DATABASE_MODE: "embedded", CW_JOBS: "0" });
  // The second instance: a database nobody else uses, its own signing key and origin name (a fork's checkpoints are
  // signed here, under a name of its own). It runs no jobs: its journeys send no mail, and nothing else would take
  // them. Its live mirrors pull the app every 2 s (the app's /events budget is 60 reads a minute per address).
  start("second", "node_modules/.bin/next", ["start", "-p", String(SECOND_PORT)], {
    ...common,
    ...provider,
    DATABASE_URL: secondDatabaseUrl,
    PORT: String(SECOND_PORT),
    CW_DATABASE_MODE: "external",
    CW_ORIGIN_HOST: `localhost:${SECOND_PORT}`,
    CW_JOBS: "0",
    CW_MIRROR_INTERVAL_MS: "2000",
  });
  await Promise.all([waitFor(`${appUrl}/api/health`), waitFor(`${demoUrl}/api/health`), waitFor(`${secondUrl}/api/health`)]);

  console.log("• Running Playwright…");
  const result = spawnSync("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: {
      ...process.env,
      E2E_BASE_URL: appUrl,
      E2E_DEMO_URL: demoUrl,
      E2E_DATABASE_URL: databaseUrl,
      E2E_SECOND_URL: secondUrl,
      E2E_SECOND_DATABASE_URL: secondDatabaseUrl,
      E2E_MAIL_API: `http://127.0.0.1:${SMTP_PORT + 1}`,
    },
  });
  return result.status ?? 1;
}

main()
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await stopAll();
    process.exit(1);
  });
