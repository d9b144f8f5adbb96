// `npm run verify -- <export.ndjson | space.cwarchive | -> [--checkpoint <older checkpoint.json or export.ndjson>] [--key <base64 or PEM file>] [--threads n]`
// Checks a governance record export offline: no database, no network. Exit 0 with a summary, or 1 naming the first problem.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { verifyArchive } from "../lib/archive/verify";
import { ExportVerifier, parseReference, type OlderReference } from "../lib/record/verify-export";
import { verifyStream } from "../lib/record/verify-stream";

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run verify -- <export.ndjson> [--checkpoint <older.json|older.ndjson>] [--key <public key base64 | PEM file>] [--threads <n>]`);
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let key: string | undefined;
  let older: OlderReference | undefined;
  let threads: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--key") {
      const value = args[++i] ?? usage("--key needs a value.");
      key = existsSync(value) ? readFileSync(value, "utf8") : value;
    } else if (arg === "--threads") {
      threads = Number(args[++i]);
      if (!Number.isInteger(threads) || threads < 0) usage("--threads needs a whole number (0: check every line on the main thread).");
    } else if (arg === "--checkpoint") {
      const value = args[++i] ?? usage("--checkpoint needs a file.");
      const parsed = parseReference(readFileSync(value, "utf8"));
      if ("error" in parsed) usage(parsed.error);
      older = parsed;
    } else if (!file) file = arg;
    else usage(`Unexpected argument ${arg}.`);
  }
  if (!file) usage("Name the export file (or - to read it from standard input).");
  if (file !== "-" && !existsSync(file)) usage(`${file} does not exist.`);

  // A space archive (docs/preserve-archive.md): its manifest, its record and every row against its event.
  if (file.endsWith(".cwarchive")) {
    if (older) usage("--checkpoint applies to an events.ndjson export, not to an archive.");
    const outcome = await verifyArchive(file === "-" ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 }), { key: key?.trim() });
    if (outcome.ok) console.log(outcome.summary);
    else console.error(`FAILED: ${outcome.reason}`);
    process.exit(outcome.ok ? 0 : 1);
  }
  const verifier = new ExportVerifier({ key, older });
  const input = file === "-" ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  await verifyStream(input, verifier, threads);
  const outcome = verifier.finish();
  if (outcome.ok) {
    console.log(outcome.summary);
    process.exit(0);
  }
  console.error(`FAILED: ${outcome.reason}`);
  process.exit(1);
}

void main();
