// The one Prisma client, over a node-postgres pool kept on globalThis so dev reloads don't leak pools.
// The same pool also runs the few hot single statements (ballots, token lookups) directly: see `queryRows`.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

type Handle = { prisma: PrismaClient; pool: pg.Pool };

const globalForDb = globalThis as unknown as { commonweightsDb?: Handle };

// The connections checked out of every pool made here, so a transaction's own connection can be found by its
// backend pid (transactionConnection). On globalThis, as the pool is: Next bundles this module into several chunks,
// and the chunk that made the pool need not be the one asking.
const checkedOut = ((globalThis as unknown as { commonweightsCheckedOut?: Set<pg.PoolClient> }).commonweightsCheckedOut ??= new Set<pg.PoolClient>());

function createHandle(connectionString: string, max: number): Handle {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_error, client) => checkedOut.delete(client));
  // $disconnect ends the pool too, as it did when the adapter owned it.
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
}

export function createDb(connectionString: string, max = 20): PrismaClient {
  return createHandle(connectionString, max).prisma;
}

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides a database");
  return url;
}

function handle(): Handle {
  globalForDb.commonweightsDb ??= createHandle(connectionString(), Number(process.env.DATABASE_POOL_SIZE ?? 20));
  return globalForDb.commonweightsDb;
}

// Lazy, so that importing this module (e.g. while `next build` collects pages) needs no database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = handle().prisma;
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The app's node-postgres pool, for libraries that talk to Postgres themselves (the rate limiter). */
export function dbPool(): pg.Pool {
  return handle().pool;
}

/**
 * Runs one statement (autocommit) on the app's pool without Prisma's query layer, which costs more CPU
 * than the database does for a one-row write. Only for single statements on hot paths: anything that needs
 * a transaction goes through `db.$transaction`. Unlike $queryRaw, bigint columns come back as strings.
 */
export async function queryRows<T extends object>(query: Prisma.Sql): Promise<T[]> {
  const result = await handle().pool.query<T>(query.text, query.values as unknown[]);
  return result.rows;
}

const connectionOfTransaction = new WeakMap<Tx, pg.PoolClient>();

/**
 * The node-postgres connection an interactive transaction runs on, for bulk statements inside it (an archive's
 * events, megabytes per statement) whose parameters cost Prisma's query layer more CPU than Postgres spends on them.
 * The caller must not use `tx` while a statement it sent here runs: one connection runs one statement at a time.
 */
export async function transactionConnection(tx: Tx): Promise<pg.PoolClient> {
  const known = connectionOfTransaction.get(tx);
  if (known) return known;
  const [row] = await tx.$queryRaw<Array<{ pid: number }>>`SELECT pg_backend_pid() AS pid`;
  const client = [...checkedOut].find((c) => (c as unknown as { processID: number | null }).processID === row?.pid);
  if (!client) throw new Error("the transaction's connection is not one of this process's pools");
  connectionOfTransaction.set(tx, client);
  return client;
}
