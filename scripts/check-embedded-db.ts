// CI's check that the embedded database comes up the way `npm start` brings it up (.data/pg of this checkout,
// migrations applied) and that a second start finds the same data. `--remove` deletes that data at the end.
// .ci/run runs it as root from a clone in a mode-700 folder, where the postgres user cannot reach the checkout.
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedDb } from "./embedded-db";
import { migrateDeploy } from "./migrate";

async function appliedMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL");
    return result.rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

async function main() {
  const dir = path.resolve(".data", "pg");
  const port = await freePort();

  const first = await startEmbeddedDb({ dir, port });
  migrateDeploy(first.url("commonweights"));
  const applied = await appliedMigrations(first.url("commonweights"));
  await first.stop();
  if (applied === 0) throw new Error("no migration was applied");

  const second = await startEmbeddedDb({ dir, port, temporary: process.argv.includes("--remove") });
  const again = await appliedMigrations(second.url("commonweights"));
  await second.stop();
  if (second.fresh || again !== applied) throw new Error(`the second start did not find the first one's data (${again} of ${applied} migrations)`);
  console.log(`✓ The embedded PostgreSQL started, migrated (${applied} migrations) and restarted on its data in ${second.dataDir}`);
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
