// A throwaway database for tests and benchmarks: on the server DATABASE_URL names if it is set, otherwise on an
// embedded PostgreSQL started for it. drop() removes the database (and stops the embedded server).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedDb } from "./embedded-db";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

async function run(connectionString: string, sql: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `server`: an admin URL of a running server to create it on (e.g. a sibling of another scratch database's URL). */
export async function createScratchDatabase(prefix: string, { server }: { server?: string } = {}): Promise<ScratchDatabase> {
  let adminUrl = server ?? process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-pg-`));
    const embedded = await startEmbeddedDb({ dir: path.join(dir, "data"), port: await freePort(), temporary: true });
    adminUrl = embedded.url("postgres");
    stopServer = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const name = `${prefix.replace(/\W/g, "_")}_${process.pid}_${Date.now().toString(36)}`;
  await run(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await run(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await stopServer();
    },
  };
}
