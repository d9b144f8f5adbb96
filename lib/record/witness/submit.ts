// Submits each newly sealed checkpoint to the configured witnesses (c2sp.org/tlog-witness) and keeps their cosignatures.
// Never on the sealing path: sealing enqueues a witness.submit job in its own transaction (one pending per log, the
// newest size), and a worker of the job queue runs it, with a timeout per request. Whatever a witness answers, or
// fails to, is logged and changes nothing but the cosignatures kept.
import "server-only";
import { logError } from "@/lib/log";
import { latestNote } from "@/lib/record/checkpoint-note";
import { formatNote, parseCheckpointNoteBody, parseNote } from "@/lib/record/note";
import { proveConsistency } from "@/lib/record/proofs";
import { configuredWitnesses, type Witness } from "@/lib/record/witness/config";
import { lastCosignedSize } from "@/lib/record/witness/data";
import { storeCosignatures } from "@/lib/record/witness/mutations";
import { addCheckpointRequest, parseTlogSize, readCosignatures } from "@/lib/record/witness/protocol";

export type WitnessOutcome = { witness: string; status: "cosigned" | "refused" | "failed" | "skipped"; detail: string };
type Options = { timeoutMs?: number };

const MAX_ANSWER = 64 * 1024;

/** The answer's text, read no further than MAX_ANSWER bytes (a witness must not make us hold a huge body). */
async function readLimited(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    if (length > MAX_ANSWER) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function post(witness: Witness, body: string, timeoutMs: number) {
  const response = await fetch(`${witness.url}/add-checkpoint`, {
    method: "POST",
    body,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
    redirect: "error",
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, contentType: response.headers.get("content-type"), text: await readLimited(response) };
}

/** One witness, one checkpoint: starts from the size we know it cosigned, follows its 409 answers at most twice. */
export async function submitToWitness(logId: string, note: string, witness: Witness, { timeoutMs = 5000 }: Options = {}): Promise<WitnessOutcome> {
  const outcome = (status: WitnessOutcome["status"], detail: string): WitnessOutcome => ({ witness: witness.name, status, detail });
  const parsed = parseNote(note);
  const head = "error" in parsed ? parsed : parseCheckpointNoteBody(parsed.body);
  if ("error" in parsed || "error" in head) return outcome("failed", "our own checkpoint note is malformed");
  // Only our signature goes out: the witness needs the log's, not other witnesses'.
  const ours = formatNote(parsed.body, [parsed.signatures[0]!.line]);
  let old = await lastCosignedSize(logId, witness.vkey.keyId);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (old > head.size) return outcome("skipped", `the witness already cosigned a larger tree (${old}) than ${head.size}`);
    const proof = old === 0 || old === head.size ? [] : (await proveConsistency(logId, old, head.size)).proof;
    const answer = await post(witness, addCheckpointRequest(old, proof, ours), timeoutMs);
    if (answer.status === 200) {
      const cosignatures = readCosignatures(parsed.body, answer.text, witness);
      if ("error" in cosignatures) return outcome("failed", cosignatures.error);
      await storeCosignatures(logId, head.size, witness.name, cosignatures);
      return outcome("cosigned", `cosigned ${head.size}`);
    }
    if (answer.status === 409) {
      const size = parseTlogSize(answer.contentType, answer.text);
      if (size === null) return outcome("failed", "409 without a text/x.tlog.size body");
      if (size === old) return outcome("refused", `409: the witness holds a different tree of size ${size}`);
      old = size;
      continue;
    }
    if (answer.status === 422) return outcome("refused", `422: the witness found the consistency proof from ${old} to ${head.size} invalid`);
    return outcome("failed", `HTTP ${answer.status}: ${answer.text.slice(0, 200).replace(/\s+/g, " ")}`);
  }
  return outcome("failed", "the witness kept answering 409 with other sizes");
}

/** Submits the log's latest checkpoint to every witness at once; a witness's failure never affects another's. */
export async function witnessLog(logId: string, witnesses: Witness[], options: Options = {}): Promise<WitnessOutcome[]> {
  const submitting = witnesses.filter((w) => w.url);
  if (submitting.length === 0) return [];
  const note = await latestNote(logId);
  if (!note) return [];
  const outcomes = await Promise.all(
    submitting.map((w) =>
      submitToWitness(logId, note, w, options).catch((error: unknown): WitnessOutcome => ({
        witness: w.name,
        status: "failed",
        detail: error instanceof Error ? error.message : String(error),
      })),
    ),
  );
  for (const o of outcomes) {
    if (o.status !== "cosigned") logError(`witness ${o.witness} did not cosign ${note.slice(0, note.indexOf("\n"))}`, `${o.status}: ${o.detail}`);
  }
  return outcomes;
}

/** The witness.submit job: the log's latest checkpoint to the witnesses configured now. Only a database error throws (the queue retries). */
export async function submitWitnessJob(logId: string): Promise<WitnessOutcome[]> {
  const list = configuredWitnesses();
  if (!list.ok) {
    logError("witnesses are not configured", list.error);
    return [];
  }
  return witnessLog(logId, list.witnesses, { timeoutMs: Number(process.env.CW_WITNESS_TIMEOUT_MS ?? 5000) });
}
