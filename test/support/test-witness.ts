// A witness that follows c2sp.org/tlog-witness, in-process on 127.0.0.1, for tests: it keeps the latest cosigned
// tree per origin, verifies the log's note signature with the vkey it trusts for that origin and the consistency
// proof from its last cosigned size, and answers 400/403/404/409/422 as the spec says. Each request is checked and
// its state updated without an await in between, so two requests cannot interleave (the spec's atomicity rule).
import { createServer, type Server } from "node:http";
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { AddressInfo } from "node:net";
import { COSIGNATURE_V1, formatVkey, parseCheckpointNoteBody, parseNote, parseVkey, rawEd25519PublicKey, verifyNoteSignature, type Vkey } from "@/lib/record/note";
import { cosignBody } from "@/lib/record/witness/cosignature";
import { verifyConsistency } from "@/lib/record/verify-proof";

export type TestWitness = {
  name: string;
  vkey: string;
  url: string;
  /** The latest cosigned tree per origin. */
  state: Map<string, { size: number; rootHash: string }>;
  /** Every answer it gave, in order (status and origin), to show what it refused. */
  answers: Array<{ status: number; origin?: string; size?: number }>;
  trust(vkey: string): void;
  close(): Promise<void>;
};

type Answer = { status: number; body: string; contentType?: string; origin?: string; size?: number };

function handle(body: string, logs: Map<string, Vkey>, state: TestWitness["state"], name: string, key: KeyObject): Answer {
  const text = (status: number, message: string): Answer => ({ status, body: `${message}\n` });
  const blank = body.indexOf("\n\n");
  if (!body.startsWith("old ") || blank < 0) return text(400, "malformed request");
  const header = body.slice(0, blank).split("\n");
  const oldMatch = /^old (0|[1-9][0-9]*)$/.exec(header[0]!);
  if (!oldMatch || header.length - 1 > 63) return text(400, "malformed old size or proof");
  const oldSize = Number(oldMatch[1]);
  const proof = header.slice(1).map((line) => Buffer.from(line, "base64"));
  if (proof.some((h, i) => h.length !== 32 || h.toString("base64") !== header[i + 1])) return text(400, "malformed proof line");
  const note = parseNote(body.slice(blank + 2));
  if ("error" in note) return text(400, note.error);
  const head = parseCheckpointNoteBody(note.body);
  if ("error" in head) return text(400, head.error);
  const vkey = logs.get(head.origin);
  if (!vkey) return { ...text(404, "unknown log"), origin: head.origin };
  if (!note.signatures.some((sig) => verifyNoteSignature(note.body, sig, vkey))) return { ...text(403, "no valid log signature"), origin: head.origin };
  if (oldSize > head.size) return { ...text(400, "old size is larger than the checkpoint"), origin: head.origin };
  const latest = state.get(head.origin) ?? { size: 0, rootHash: "" };
  const conflict: Answer = { status: 409, body: `${latest.size}\n`, contentType: "text/x.tlog.size", origin: head.origin, size: head.size };
  if (oldSize !== latest.size) return conflict;
  if (oldSize === 0 && proof.length > 0) return { ...text(400, "a proof from size 0 must be empty"), origin: head.origin };
  if (oldSize === head.size && head.rootHash !== latest.rootHash) return conflict;
  if (oldSize > 0 && oldSize < head.size) {
    const check = verifyConsistency({ size1: oldSize, size2: head.size, root1: Buffer.from(latest.rootHash, "hex"), root2: Buffer.from(head.rootHash, "hex"), proof });
    if (!check.ok) return { ...text(422, check.reason), origin: head.origin, size: head.size };
  }
  state.set(head.origin, { size: head.size, rootHash: head.rootHash });
  const line = cosignBody(note.body, name, key, Math.floor(Date.now() / 1000));
  return { status: 200, body: line, origin: head.origin, size: head.size };
}

/** Starts a witness named `name` on 127.0.0.1; `delayMs` makes it slow, `reply` replaces its answers (misbehaving). */
export async function startTestWitness(options: { name?: string; delayMs?: number; reply?: () => Answer } = {}): Promise<TestWitness> {
  const name = options.name ?? `witness.test/${Math.random().toString(36).slice(2, 8)}`;
  const { privateKey } = generateKeyPairSync("ed25519");
  const logs = new Map<string, Vkey>();
  const state: TestWitness["state"] = new Map();
  const answers: TestWitness["answers"] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const answer =
        req.method !== "POST" || req.url !== "/add-checkpoint"
          ? { status: 404, body: "not found\n" }
          : (options.reply?.() ?? handle(Buffer.concat(chunks).toString("utf8"), logs, state, name, privateKey));
      answers.push({ status: answer.status, origin: answer.origin, size: answer.size });
      const send = () => res.writeHead(answer.status, { "Content-Type": answer.contentType ?? "text/plain; charset=utf-8" }).end(answer.body);
      if (options.delayMs) setTimeout(send, options.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name,
    vkey: formatVkey(name, rawEd25519PublicKey(privateKey), COSIGNATURE_V1),
    url: `http://127.0.0.1:${port}`,
    state,
    answers,
    trust(vkey: string) {
      const parsed = parseVkey(vkey);
      if ("error" in parsed) throw new Error(parsed.error);
      logs.set(parsed.name, parsed);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
