// Applies the Prisma migrations to a database (the same `prisma migrate deploy` CI and deployments use),
// then installs or upgrades the job queue's own schema (graphile_worker), which the app enqueues into
// inside its transactions and so must exist before the first write.
import { spawnSync } from "node:child_process";
import path from "node:path";

function run(args: string[], databaseUrl: string, what: string): void {
  const result = spawnSync(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stdout}\n${result.stderr}`);
}

export function migrateDeploy(databaseUrl: string): void {
  run([path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], databaseUrl, "Migrations");
  run(
    [path.resolve("node_modules/graphile-worker/dist/cli.js"), "--schema-only", "--connection", databaseUrl],
    databaseUrl,
    "The job queue's schema",
  );
}
