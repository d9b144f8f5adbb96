// The second instance (scripts/e2e.ts): another deployment on a database of its own, with the same OpenID Connect
// provider, where the app's spaces are carried as archives. What its operator does there (import an archive with the
// admin command) and what the origin's operator might do to the origin's database (rewrite its history).
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect } from "@playwright/test";
import pg from "pg";
import type { Person } from "./people";

export const secondUrl = () => process.env.E2E_SECOND_URL ?? "http://localhost:3202";

function databaseUrl(name: "E2E_DATABASE_URL" | "E2E_SECOND_DATABASE_URL"): string {
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: run the browser tests with npm run test:e2e`);
  return url;
}

/** Downloads the space's archive as `person` (GET /api/v1/spaces/<slug>/archive.cwarchive) into a temporary file. */
export async function downloadArchive(person: Person, slug: string): Promise<string> {
  const response = await person.page.request.get(`/api/v1/spaces/${slug}/archive.cwarchive`);
  expect(response.status(), `exporting ${slug}`).toBe(200);
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${slug}.cwarchive"`);
  const file = path.join(os.tmpdir(), `${slug}-${Date.now().toString(36)}.cwarchive`);
  await writeFile(file, await response.body());
  return file;
}

export type Imported = { summary: string; checkpoint: number; root: string };

/** The second instance's operator imports the file: `npm run admin -- import-archive …` on its database. */
export async function importArchive(file: string, mode: "mirror" | "fork", { follow = false } = {}): Promise<Imported> {
  const args = ["run", "--silent", "admin", "--", "import-archive", "--file", file, "--mode", mode, ...(follow ? ["--follow"] : [])];
  const { stdout } = await promisify(execFile)("npm", args, { env: { ...process.env, DATABASE_URL: databaseUrl("E2E_SECOND_DATABASE_URL") }, encoding: "utf8" }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`import-archive failed: ${error.stderr || error.stdout || error.message}`);
    },
  );
  const summary = stdout.trim().split("\n").at(-1) ?? "";
  const seen = /verified to checkpoint (\d+) \(root ([0-9a-f]{16})…\)/.exec(summary);
  if (!seen) throw new Error(`import-archive said: ${stdout}`);
  return { summary, checkpoint: Number(seen[1]), root: seen[2]! };
}

/** The size of the origin's latest signed checkpoint, as anyone reads it from its API. */
export async function originCheckpoint(person: Person, slug: string): Promise<number> {
  const page = await person.api.get(`/api/v1/spaces/${slug}/events?limit=1`);
  return page.checkpoint.size as number;
}

/**
 * The origin's operator removes a decision from history: as a superuser with the append-only triggers off, in one
 * transaction, the decision, its events and every checkpoint after `keepSize` go (test/integration/archive/mirror.test.ts
 * does the same). A mirror that verified those events must notice.
 */
export async function rewriteOriginHistory({ slug, keepSize, decisionId }: { slug: string; keepSize: number; decisionId: string }): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl("E2E_DATABASE_URL") });
  await client.connect();
  const appendOnly = ["governance_events", "event_positions", "checkpoints", "record_texts"];
  try {
    await client.query("BEGIN");
    for (const table of appendOnly) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    const { rows } = await client.query<{ id: string }>("SELECT id FROM spaces WHERE slug = $1", [slug]);
    const logId = rows[0]!.id;
    await client.query("DELETE FROM checkpoints WHERE log_id = $1 AND size > $2", [logId, keepSize]);
    await client.query("DELETE FROM ballots WHERE decision_id = $1", [decisionId]);
    const gone = await client.query<{ event_id: string }>("DELETE FROM event_positions WHERE log_id = $1 AND seq >= $2 RETURNING event_id", [logId, keepSize]);
    const ids = gone.rows.map((row) => row.event_id);
    await client.query("DELETE FROM record_texts WHERE event_id IN (SELECT event_id FROM governance_events WHERE id = ANY($1::bigint[]))", [ids]);
    await client.query("DELETE FROM governance_events WHERE id = ANY($1::bigint[])", [ids]);
    await client.query("DELETE FROM decisions WHERE id = $1", [decisionId]);
    for (const table of appendOnly) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}
