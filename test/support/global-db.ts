// One fresh, migrated database for the integration run: on the server DATABASE_URL names if it is set,
// otherwise on an embedded PostgreSQL started for the run. Nothing is shared with the app's data.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedDb } from "../../scripts/embedded-db";
import { migrateDeploy } from "../../scripts/migrate";

declare module "vitest" {
  // Declaration merging with vitest needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const name = `cw_test_${process.pid}_${Date.now().toString(36)}`;
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cw-test-pg-"));
    const embedded = await startEmbeddedDb({ dir: path.join(dir, "data"), port: await freePort() });
    adminUrl = embedded.url("postgres");
    stopServer = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  migrateDeploy(url.toString());
  project.provide("databaseUrl", url.toString());

  return async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
    await stopServer();
  };
}
