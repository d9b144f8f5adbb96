// The one Prisma client, over node-postgres, kept on globalThis so dev reloads don't leak pools.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { commonweightsDb?: PrismaClient };

export function createDb(connectionString: string, max = 20): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5_000 }) });
}

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides a database");
  return url;
}

function getDb(): PrismaClient {
  globalForDb.commonweightsDb ??= createDb(connectionString(), Number(process.env.DATABASE_POOL_SIZE ?? 20));
  return globalForDb.commonweightsDb;
}

// Lazy, so that importing this module (e.g. while `next build` collects pages) needs no database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
