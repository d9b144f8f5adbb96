// Worker thread of the offline verifier (lib/record/verify-stream.ts): runs examineLine over a batch of export lines
// and returns the leaves of its leading run of sound, consecutive events. The tree and every judgement stay on the main
// thread: the line this run stops at (a checkpoint, a blank line, any problem) and those after it go to addLine there.
import { parentPort, workerData } from "node:worker_threads";
import { examineLine } from "@/lib/record/verify-line";

/** The 32-byte leaves of the batch's first leaves.length / 32 lines, events firstSeq, firstSeq + 1, ...; `all` if that is every line. */
export type CheckedBatch = { firstSeq: number; leaves: Uint8Array; all: boolean };

/** The batch's lines are text.split("\n"): the main thread splits the same way for the lines left over. */
export function checkBatch(text: string): CheckedBatch {
  const leaves: string[] = [];
  let firstSeq = -1;
  const done = (all: boolean): CheckedBatch => ({ firstSeq, leaves: Buffer.from(leaves.join(""), "hex"), all });
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = examineLine(text.slice(start, end));
    // Lines about committed texts go to the main thread too: it pairs each missing text with the erasure that explains it.
    const check = line.kind === "event" && !line.check.problem && !line.check.committed && !line.check.erasure ? line.check : null;
    if (typeof check?.seq !== "number" || (leaves.length > 0 && check.seq !== firstSeq + leaves.length)) return done(false);
    if (leaves.length === 0) firstSeq = check.seq;
    leaves.push(check.leafHex);
    start = end + 1;
  }
  return done(true);
}

/** Passed as workerData by the pool, so that importing this module elsewhere (tests, thread pools) listens to nothing. */
export const VERIFY_WORKER = "commonweights-verify-worker";

if (workerData === VERIFY_WORKER) {
  parentPort?.on("message", (bytes: Uint8Array) => {
    parentPort?.postMessage(checkBatch(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8")));
  });
}
