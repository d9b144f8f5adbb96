// `npm run verify -- <export.ndjson | space.cwarchive | -> [--checkpoint <older checkpoint.json or export.ndjson>] [--key <base64 or PEM file>] [--threads n]
//   [--witnesses <file of witness vkeys> [--need k]]`
// Checks a governance record export offline: no database, no network. Exit 0 with a summary, or 1 naming the first problem.
import { createPublicKey } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { verifyArchive } from "../lib/archive/verify";
import { ExportVerifier, parseReference, type OlderReference } from "../lib/record/verify-export";
import { defaultThreads, verifyStream } from "../lib/record/verify-stream";
import { parseWitnesses, type Witness } from "../lib/record/witness/config";
import { checkWitnesses } from "../lib/record/witness/policy";

/** The raw base64 Ed25519 key, whether given as PEM or as base64 already. */
function rawKey(key: string): string {
  if (!key.trimStart().startsWith("-----BEGIN")) return key.trim();
  return Buffer.from(String(createPublicKey(key).export({ format: "jwk" }).x), "base64url").toString("base64");
}

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run verify -- <export.ndjson> [--checkpoint <older.json|older.ndjson>] [--key <public key base64 | PEM file>] [--threads <n>] [--witnesses <file> [--need <k>]]`);
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  let file: string | undefined;
  let key: string | undefined;
  let older: OlderReference | undefined;
  let threads: number | undefined;
  let witnesses: Witness[] | undefined;
  let need = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--key") {
      const value = args[++i] ?? usage("--key needs a value.");
      key = existsSync(value) ? readFileSync(value, "utf8") : value;
    } else if (arg === "--threads") {
      threads = Number(args[++i]);
      if (!Number.isInteger(threads) || threads < 0) usage("--threads needs a whole number (0: check every line on the main thread).");
    } else if (arg === "--witnesses") {
      const value = args[++i] ?? usage("--witnesses needs a file of witness vkeys, one per line.");
      if (!existsSync(value)) usage(`${value} does not exist.`);
      const parsed = parseWitnesses(readFileSync(value, "utf8"), { requireUrl: false });
      if (!parsed.ok) usage(parsed.error);
      witnesses = parsed.witnesses;
    } else if (arg === "--need") {
      need = Number(args[++i]);
      if (!Number.isInteger(need) || need < 1) usage("--need needs a whole number of witnesses (1 or more).");
    } else if (arg === "--checkpoint") {
      const value = args[++i] ?? usage("--checkpoint needs a file.");
      const parsed = parseReference(readFileSync(value, "utf8"));
      if ("error" in parsed) usage(parsed.error);
      older = parsed;
    } else if (!file) file = arg;
    else usage(`Unexpected argument ${arg}.`);
  }
  if (!file) usage("Name the export file (or - to read it from standard input).");
  if (need > 0 && !witnesses) usage("--need needs --witnesses: the file of witnesses whose cosignatures count.");
  if (witnesses && need > witnesses.length) usage(`--need ${need} is more than the ${witnesses.length} witnesses in the file.`);
  if (file !== "-" && !existsSync(file)) usage(`${file} does not exist.`);

  // A space archive (docs/preserve-archive.md): its manifest, its record and every row against its event.
  if (file.endsWith(".cwarchive")) {
    if (older) usage("--checkpoint applies to an events.ndjson export, not to an archive.");
    const outcome = await verifyArchive(file === "-" ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 }), { key: key?.trim(), threads: threads ?? defaultThreads() });
    if (outcome.ok) console.log(outcome.summary);
    else console.error(`FAILED: ${outcome.reason}`);
    process.exit(outcome.ok ? 0 : 1);
  }
  const verifier = new ExportVerifier({ key, older });
  const input = file === "-" ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  await verifyStream(input, verifier, threads);
  const outcome = verifier.finish();
  if (outcome.ok && witnesses) {
    const line = verifier.checkpointLine!;
    const logKey = key ?? line.publicKey;
    const verdict = logKey ? checkWitnesses(line.checkpoint, rawKey(logKey), witnesses, need) : { ok: false as const, reason: "No public key to check the note with." };
    if (!verdict.ok) {
      console.error(`FAILED: ${verdict.reason}`);
      process.exit(1);
    }
    console.log(`${outcome.summary}\n${verdict.summary}`);
    process.exit(0);
  }
  if (outcome.ok) {
    console.log(outcome.summary);
    for (const line of outcome.texts.erased) console.log(`  ${line}`);
    process.exit(0);
  }
  console.error(`FAILED: ${outcome.reason}`);
  process.exit(1);
}

void main();
