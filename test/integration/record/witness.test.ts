// Witness cosigning (c2sp.org/tlog-witness) against spec-following test witnesses on 127.0.0.1: sealing enqueues a
// submission job, the job queue's worker submits, cosignatures are verified, kept and served with the note, the offline
// verifier counts them against a policy, a rewritten history is refused by the witness, slow or malformed witnesses
// never hold up sealing, and a submission enqueued before a restart is made after it.
import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { hashEvent } from "@/lib/record/canonical";
import { signCheckpoint } from "@/lib/record/checkpoint";
import { latestCheckpoint } from "@/lib/record/data";
import { contentOf, leafHashOf } from "@/lib/record/event-content";
import { bytesToHex, hexToBytes, rootFromLeafHashes } from "@/lib/record/merkle";
import { checkpointNoteBody, formatVkey, parseNote, parseVkey, rawEd25519PublicKey, signNoteBody, type Vkey } from "@/lib/record/note";
import { checkpointOrigin, sequenceLog } from "@/lib/record/sequencer";
import { instanceKey } from "@/lib/record/signing-key";
import { parseWitnesses, type Witness } from "@/lib/record/witness/config";
import { verifyCosignature } from "@/lib/record/witness/cosignature";
import { witnessLog } from "@/lib/record/witness/submit";
import { runDueJobs } from "@/lib/worker/runner";
import { exportStream } from "@/lib/history/use-cases/export-stream";
import { spaceCheckpointNote } from "@/lib/history/use-cases/space-checkpoint-note";
import { spaceLogVkey } from "@/lib/history/use-cases/space-log-vkey";
import { createSpace } from "@/test/support/factories";
import { startTestWitness, type TestWitness } from "@/test/support/test-witness";
import { numbered } from "./sample-events";

const dir = mkdtempSync(path.join(os.tmpdir(), "cw-witness-"));
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Configures these witnesses as an operator would (CW_WITNESSES), for sealing and for the worker, until the test ends. */
function configure(list: TestWitness[], timeoutMs?: number) {
  const saved = { list: process.env.CW_WITNESSES, timeout: process.env.CW_WITNESS_TIMEOUT_MS };
  process.env.CW_WITNESSES = list.map((w) => `${w.vkey} ${w.url}`).join("\n");
  if (timeoutMs) process.env.CW_WITNESS_TIMEOUT_MS = String(timeoutMs);
  cleanups.push(() => {
    for (const [name, value] of [["CW_WITNESSES", saved.list], ["CW_WITNESS_TIMEOUT_MS", saved.timeout]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
}

/** What a worker of the job queue does with the submissions that are due (and whatever else is queued). */
const runWorker = () => runDueJobs(process.env.DATABASE_URL!);
const pendingSubmission = async (logId: string) =>
  (await db.$queryRaw<Array<{ payload: { logId: string; size: number } }>>`
    SELECT payload FROM graphile_worker._private_jobs WHERE key = ${`witness:${logId}`}`)[0]?.payload ?? null;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function witnesses(count: number, options: Parameters<typeof startTestWitness>[0] = {}): Promise<TestWitness[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startTestWitness(options)));
  for (const w of started) cleanups.push(() => w.close());
  return started;
}

function configOf(list: TestWitness[]): Witness[] {
  const parsed = parseWitnesses(list.map((w) => `${w.vkey} ${w.url}`).join("\n"));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.witnesses;
}

async function spaceTrustedBy(list: TestWitness[]) {
  const space = await createSpace();
  const vkey = await spaceLogVkey(null, space.slug);
  if (!vkey.ok) throw new Error("no vkey");
  for (const w of list) w.trust(vkey.data);
  const append = async (from: number, to: number) => {
    for (let i = from; i < to; i++) await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, i) }));
  };
  return { space, append };
}

function cosignersOf(note: string, list: TestWitness[]): string[] {
  const parsed = parseNote(note);
  if ("error" in parsed) throw new Error(parsed.error);
  const keys = list.map((w) => parseVkey(w.vkey) as Vkey);
  return keys.filter((k) => parsed.signatures.some((sig) => verifyCosignature(parsed.body, sig, k) !== null)).map((k) => k.name);
}

function verifyCli(exportText: string, witnessLines: string, need?: number) {
  const file = path.join(dir, `export-${Math.random().toString(36).slice(2)}.ndjson`);
  const list = path.join(dir, `witnesses-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(file, exportText);
  writeFileSync(list, witnessLines);
  const args = ["tsx", "scripts/verify.ts", file, "--witnesses", list, ...(need ? ["--need", String(need)] : [])];
  const run = spawnSync("npx", args, { encoding: "utf8" });
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

describe("witness cosigning", () => {
  it("submits each sealed checkpoint with a consistency proof, keeps the cosignatures and serves them with the note", async () => {
    const list = await witnesses(2);
    configure(list);
    const { space, append } = await spaceTrustedBy(list);
    await append(0, 3);
    await sequenceLog(space.id, { wait: true });
    await runWorker();
    await append(3, 8);
    await sequenceLog(space.id, { wait: true });
    await runWorker();

    const origin = (await latestCheckpoint(space.id))!.note!.split("\n")[0]!;
    for (const w of list) {
      expect(w.state.get(origin)).toMatchObject({ size: 8 });
      // The first request was from 0; the second from 3, with a proof the witness checked.
      expect(w.answers).toEqual([{ status: 200, origin, size: 3 }, { status: 200, origin, size: 8 }]);
    }
    const note = await spaceCheckpointNote(null, space.slug);
    if (!note.ok) throw new Error(note.error.message);
    expect(note.data.split("\n").filter((l) => l.startsWith("\u2014 "))).toHaveLength(3); // ours and two cosignatures
    expect(cosignersOf(note.data, list).sort()).toEqual(list.map((w) => w.name).sort());

    // The offline verifier counts them against a policy.
    const exported = await new Response(await exportStream(null, space.slug)).text();
    const lines = `# trusted witnesses\n${list.map((w) => w.vkey).join("\n")}\n`;
    const two = verifyCli(exported, lines, 2);
    expect(two.output).toContain("cosigned by 2 of 2 witnesses");
    expect(two.status).toBe(0);
    const [stranger] = await witnesses(1);
    const three = verifyCli(exported, `${lines}${stranger!.vkey}\n`, 3);
    expect(three.status).toBe(1);
    expect(three.output).toMatch(/FAILED: The checkpoint is cosigned by 2 of 3 witnesses .*the policy needs 3/);
  }, 180_000); // two runs of the verifier CLI (tsx starts slowly on a busy machine)

  it("follows a 409 to the size the witness holds, and a rewritten history is refused by the witness", async () => {
    const list = await witnesses(1);
    const config = configOf(list);
    const { space, append } = await spaceTrustedBy(list);
    await append(0, 7);
    await sequenceLog(space.id, { wait: true });
    expect(await witnessLog(space.id, config)).toEqual([expect.objectContaining({ status: "cosigned" })]);
    const origin = (await latestCheckpoint(space.id))!.note!.split("\n")[0]!;
    const honest = list[0]!.state.get(origin)!;

    // A second witness that already cosigned size 7 (we lost the record of it): it answers 409 with its size.
    const [late] = await witnesses(1);
    late!.trust((await spaceLogVkey(null, space.slug) as { data: string }).data);
    late!.state.set(origin, honest);
    await append(7, 9);
    await sequenceLog(space.id, { wait: true });
    expect(await witnessLog(space.id, configOf([late!]))).toEqual([expect.objectContaining({ status: "cosigned" })]);
    expect(late!.answers.map((a) => a.status)).toEqual([409, 200]);

    // The operator rewrites events 2.. and re-signs a checkpoint and its note with the instance key.
    const tables = ["governance_events", "event_positions", "checkpoints", "checkpoint_cosignatures"];
    for (const t of tables) await db.$executeRawUnsafe(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    try {
      const rows = await db.$queryRaw<Array<{ id: bigint; seq: number }>>`SELECT event_id AS id, seq FROM event_positions WHERE log_id = ${space.id} ORDER BY seq`;
      for (const { id, seq } of rows.filter((r) => r.seq >= 2)) {
        await db.$executeRaw`UPDATE governance_events SET data = jsonb_set(data, '{values,note}', '"rewritten"') WHERE id = ${id}`;
        const event = await db.governanceEvent.findUniqueOrThrow({ where: { id } });
        await db.$executeRaw`UPDATE governance_events SET hash = ${hashEvent(contentOf(event))} WHERE id = ${id}`;
        await db.$executeRaw`UPDATE event_positions SET leaf_hash = ${leafHashOf(contentOf(event))} WHERE log_id = ${space.id} AND seq = ${seq}`;
      }
      const leaves = await db.eventPosition.findMany({ where: { logId: space.id }, orderBy: { seq: "asc" } });
      const rootHash = bytesToHex(rootFromLeafHashes(leaves.map((l) => hexToBytes(l.leafHash))));
      const key = await instanceKey();
      const signed = signCheckpoint({ origin: checkpointOrigin(space.id), size: leaves.length, rootHash, timestamp: new Date().toISOString() }, key.privateKey);
      const noteSignature = signNoteBody(checkpointNoteBody({ origin, size: leaves.length, rootHash }), origin, key.privateKey);
      await db.checkpoint.deleteMany({ where: { logId: space.id } });
      await db.checkpoint.create({ data: { logId: space.id, size: leaves.length, rootHash, timestamp: new Date(signed.timestamp), signature: signed.signature, keyId: key.keyId, origin, noteSignature } });
    } finally {
      for (const t of tables) await db.$executeRawUnsafe(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    }
    // Same size, other root: 409 naming the size it holds. Grown further: 409, then the proof from 7 fails (422).
    expect(await witnessLog(space.id, config)).toEqual([expect.objectContaining({ status: "refused", detail: expect.stringMatching(/^422/) })]);
    expect(list[0]!.answers.slice(-2).map((a) => a.status)).toEqual([409, 422]);
    expect(await witnessLog(space.id, configOf([late!]))).toEqual([expect.objectContaining({ status: "refused", detail: expect.stringMatching(/^409/) })]);
    expect(list[0]!.state.get(origin)).toEqual(honest);
    expect(late!.state.get(origin)!.size).toBe(9);
    expect(await db.checkpointCosignature.count({ where: { logId: space.id } })).toBe(0);
  });

  it("is answered 404 for a log the witness does not know and 403 when no signature is by the key it trusts", async () => {
    const [stranger, misinformed] = await witnesses(2);
    const space = await createSpace();
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, 0) }));
    await sequenceLog(space.id, { wait: true });
    const origin = (await latestCheckpoint(space.id))!.note!.split("\n")[0]!;
    misinformed!.trust(formatVkey(origin, rawEd25519PublicKey(generateKeyPairSync("ed25519").privateKey)));
    const outcomes = await witnessLog(space.id, configOf([stranger!, misinformed!]));
    expect(outcomes.map((o) => [o.status, o.detail.slice(0, 8)])).toEqual([["failed", "HTTP 404"], ["failed", "HTTP 403"]]);
    expect(misinformed!.state.size).toBe(0);
  });

  it("never holds up sealing: a slow witness is waited for apart (or times out), malformed and failed answers are ignored", async () => {
    const [slow] = await witnesses(1, { delayMs: 4000 });
    const [garbled] = await witnesses(1, { reply: () => ({ status: 200, body: "\u2014 nobody AAAA\n" }) });
    const [broken] = await witnesses(1, { reply: () => ({ status: 500, body: "oops" }) });
    const list = [slow!, garbled!, broken!];
    // Submission is patient here (10 s): sealing must still return long before the slow witness answers (4 s).
    configure(list, 10_000);
    const { space, append } = await spaceTrustedBy(list);
    await append(0, 2);
    const started = Date.now();
    const sealed = await sequenceLog(space.id, { wait: true });
    expect(sealed.size).toBe(2);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await pendingSubmission(space.id)).toEqual({ logId: space.id, size: 2 });
    await runWorker();
    expect(Date.now() - started).toBeGreaterThanOrEqual(3900); // the submission did wait for the slow witness, apart
    expect(await pendingSubmission(space.id)).toBeNull(); // and the job is done, failures and all: nothing to retry
    const outcomes = await witnessLog(space.id, configOf(list), { timeoutMs: 300 });
    expect(outcomes.map((o) => o.status)).toEqual(["failed", "failed", "failed"]);
    expect(outcomes[0]!.detail).toMatch(/abort|timeout/i);
    // Only the slow witness's cosignature (from the patient background run) is kept; the others gave nothing usable.
    const kept = await db.checkpointCosignature.findMany({ where: { logId: space.id } });
    expect(kept.map((c) => c.witness)).toEqual([slow!.name]);
    const note = await spaceCheckpointNote(null, space.slug);
    expect(note.ok && cosignersOf(note.data, list)).toEqual([slow!.name]);
  });

  it("loses nothing across a restart: the submission is a job committed with the checkpoint, made by the next worker", async () => {
    const list = await witnesses(1);
    configure(list);
    const { space, append } = await spaceTrustedBy(list);
    await append(0, 4);
    // Sealed while no worker runs (an instance that stops right after): the submission waits in the database, not in memory.
    await sequenceLog(space.id, { wait: true });
    expect(await pendingSubmission(space.id)).toEqual({ logId: space.id, size: 4 });
    await append(4, 6);
    await sequenceLog(space.id, { wait: true });
    // One pending submission per log, for its newest checkpoint.
    expect(await pendingSubmission(space.id)).toEqual({ logId: space.id, size: 6 });
    expect(list[0]!.answers).toEqual([]);
    // A worker started afterwards (a fresh one: runDueJobs builds its own) makes it.
    await runWorker();
    const origin = (await latestCheckpoint(space.id))!.note!.split("\n")[0]!;
    expect(list[0]!.answers).toEqual([{ status: 200, origin, size: 6 }]);
    expect(await db.checkpointCosignature.count({ where: { logId: space.id, size: 6 } })).toBe(1);
    expect(await pendingSubmission(space.id)).toBeNull();
  });

  it("enqueues nothing when no witness is configured", async () => {
    const space = await createSpace();
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, 0) }));
    await sequenceLog(space.id, { wait: true });
    expect(await pendingSubmission(space.id)).toBeNull();
  });
});
