// Submits each newly sealed checkpoint to the configured witnesses (c2sp.org/tlog-witness) and keeps their cosignatures.
// Never on the sealing path: the sequencer only announces a sealed size; submission runs afterwards, one at a time per
// log (a newer checkpoint sealed meanwhile is sent next), with a timeout per request. Whatever a witness answers,
// or fails to, is logged and changes nothing but the cosignatures kept.
import "server-only";
import { logError } from "@/lib/log";
import { latestNote } from "@/lib/record/checkpoint-note";
import { formatNote, parseCheckpointNoteBody, parseNote } from "@/lib/record/note";
import { proveConsistency } from "@/lib/record/proofs";
import { onCheckpointSealed } from "@/lib/record/sequencer";
import type { Witness } from "@/lib/record/witness/config";
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

type State = { pending: Map<string, Promise<unknown>>; again: Set<string> };
const state = ((globalThis as { commonweightsWitnessing?: State }).commonweightsWitnessing ??= { pending: new Map(), again: new Set() });

/** Starts submitting every sealed checkpoint to these witnesses; returns a function that stops it. */
export function startWitnessing(witnesses: Witness[], options: Options = {}): () => void {
  if (!witnesses.some((w) => w.url)) return () => {};
  const schedule = (logId: string) => {
    if (state.pending.has(logId)) {
      state.again.add(logId);
      return;
    }
    const run = witnessLog(logId, witnesses, options)
      .catch((error: unknown) => logError("witness submission failed", error))
      .finally(() => {
        state.pending.delete(logId);
        if (state.again.delete(logId)) schedule(logId);
      });
    state.pending.set(logId, run);
  };
  return onCheckpointSealed((logId) => schedule(logId));
}

/** Resolves once no submission is running (tests, and a clean shutdown). */
export async function witnessingSettled(): Promise<void> {
  while (state.pending.size > 0) await Promise.allSettled([...state.pending.values()]);
}
