// Applies the Prisma migrations to a database (the same `prisma migrate deploy` CI and deployments use),
// then installs or upgrades the job queue's own schema (graphile_worker), which the app enqueues into
// inside its transactions and so must exist before the first write.
import { execFile, spawnSync } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const steps = (databaseUrl: string): Array<{ args: string[]; what: string }> => [
  { args: [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], what: "Migrations" },
  { args: [path.resolve("node_modules/graphile-worker/dist/cli.js"), "--schema-only", "--connection", databaseUrl], what: "The job queue's schema" },
];
const envFor = (databaseUrl: string) => ({ ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" });

export function migrateDeploy(databaseUrl: string): void {
  for (const { args, what } of steps(databaseUrl)) {
    const result = spawnSync(process.execPath, args, { env: envFor(databaseUrl), encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** The same, without blocking this process: for a database prepared while something else runs (scripts/e2e.ts). */
export async function migrateDeployInBackground(databaseUrl: string): Promise<void> {
  for (const { args, what } of steps(databaseUrl)) {
    await promisify(execFile)(process.execPath, args, { env: envFor(databaseUrl), encoding: "utf8" }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`${what} failed:\n${error.stdout ?? ""}\n${error.stderr ?? ""}`);
    });
  }
}
