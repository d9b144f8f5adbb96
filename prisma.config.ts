// Prisma CLI configuration: run migrations through the WebAssembly engine and adapter-pg,
// so nothing is downloaded (Prisma's native engines need the internet).
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// prisma/orm#27403: the wasm schema engine cannot decode Postgres `name` (19) and `"char"` (18)
// catalog columns through adapter-pg. Reporting them as text (25) is enough for migrations.
const originalQuery = pg.Pool.prototype.query as (...args: unknown[]) => Promise<unknown>;
pg.Pool.prototype.query = async function patchedQuery(this: pg.Pool, ...args: unknown[]) {
  const result = (await originalQuery.apply(this, args)) as { fields?: Array<{ dataTypeID: number }> };
  for (const field of result?.fields ?? []) {
    if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
  }
  return result;
} as typeof pg.Pool.prototype.query;

// The CLI reads the schema's env("DATABASE_URL") before deciding which engine it needs; unset, it
// falls back to downloading a native engine. Commands that connect get the real URL from scripts/.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/unset";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => wholeScripts(new PrismaPg({ connectionString: process.env.DATABASE_URL, idleTimeoutMillis: 50 })),
});

type ScriptRunner = { executeScript(script: string): Promise<void> };
type Internals = { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };

// adapter-pg 6.x runs a migration with script.split(";"), which cuts PL/pgSQL bodies ($$ ... ; ... $$)
// apart. Postgres takes a multi-statement script as one simple query (one implicit transaction),
// so hand it over whole.
function wholeScripts(factory: PrismaPg): PrismaPg {
  for (const method of ["connect", "connectToShadowDb"] as const) {
    const original = factory[method].bind(factory);
    (factory as unknown as Record<string, unknown>)[method] = async () => {
      const adapter = await original();
      (adapter as unknown as ScriptRunner).executeScript = async (script: string) => {
        const internals = adapter as unknown as Internals;
        try {
          await internals.client.query(script);
        } catch (error) {
          internals.onError(error);
        }
      };
      return adapter;
    };
  }
  return factory;
}
