// Is the database answering? Bounded in time so a dead database cannot hang the health check.
import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";

export async function databaseIsUp({ db = defaultDb, timeoutMs = 3_000 }: { db?: Db; timeoutMs?: number } = {}): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
