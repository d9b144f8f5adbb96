// `npm run bench -- <name>`: runs bench/<name>.ts (ballots, record, history, verify, members, ...).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
const available = readdirSync("bench").filter((f) => f.endsWith(".ts") && f !== "run.ts").map((f) => f.replace(/\.ts$/, ""));
if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(path.join("bench", `${name}.ts`))) {
  console.error(`Usage: npm run bench -- <name>   (available: ${available.join(", ") || "none"})`);
  process.exit(2);
}
// react-server conditions so benches may import lib code guarded by "server-only".
const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", `bench/${name}.ts`, ...process.argv.slice(3)], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
