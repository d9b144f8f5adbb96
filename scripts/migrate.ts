// Applies the Prisma migrations to a database (the same `prisma migrate deploy` CI and deployments use).
import { spawnSync } from "node:child_process";
import path from "node:path";

export function migrateDeploy(databaseUrl: string): void {
  const cli = path.resolve("node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Migrations failed:\n${result.stdout}\n${result.stderr}`);
  }
}
