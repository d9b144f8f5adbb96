// Conformance against an independent implementation: Go's golang.org/x/mod/sumdb/note opens our signed checkpoints
// and sumdb/tlog checks our inclusion and consistency proofs (test/go/src/cwcheck). Needs Debian's golang-go and
// golang-golang-x-mod-dev (CI installs them); skipped, saying so, only where `go` is not installed.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { checkpointAt } from "@/lib/record/data";
import { checkpointNoteBody, formatNote, signNoteBody } from "@/lib/record/note";
import { newLogOrigin } from "@/lib/record/origin";
import { logIdOf, sequenceLog } from "@/lib/record/sequencer";
import { consistencyProofFor } from "@/lib/history/use-cases/consistency-proof-for";
import { exportStream } from "@/lib/history/use-cases/export-stream";
import { inclusionProofFor } from "@/lib/history/use-cases/inclusion-proof-for";
import { spaceCheckpointNote } from "@/lib/history/use-cases/space-checkpoint-note";
import { spaceLogVkey } from "@/lib/history/use-cases/space-log-vkey";
import { parseWitnesses } from "@/lib/record/witness/config";
import { witnessLog } from "@/lib/record/witness/submit";
import { createSpace, createUser } from "@/test/support/factories";
import { startTestWitness } from "@/test/support/test-witness";
import { numbered } from "./sample-events";

const GOPATH_LIB = "/usr/share/gocode";
const hasGo = spawnSync("go", ["version"]).status === 0;
const hasXMod = existsSync(join(GOPATH_LIB, "src/golang.org/x/mod/sumdb/note"));
if (!hasGo) console.warn("go-conformance: SKIPPED: `go` is not installed (apt-get install golang-go golang-golang-x-mod-dev).");

type Verdict = { ok: boolean; error?: string; origin?: string; size?: number; root?: string; signer?: string };
type Output = { notes: Verdict[]; inclusion: Verdict[]; consistency: Verdict[] };
type Inclusion = { index: number; size: number; leafHash: string; proof: string[]; root: string };
type Consistency = { from: number; to: number; proof: string[]; fromRoot: string; toRoot: string };

let dir = "";
let binary = "";

function cwcheck(input: { vkey: string; notes?: string[]; inclusion?: Inclusion[]; consistency?: Consistency[] }): Output {
  const out = execFileSync(binary, [], { input: JSON.stringify({ notes: [], inclusion: [], consistency: [], ...input }) });
  return JSON.parse(out.toString()) as Output;
}

const flip = (hex: string) => `${hex[0] === "0" ? "1" : "0"}${hex.slice(1)}`;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe.skipIf(!hasGo)("Go's sumdb/note and sumdb/tlog accept our checkpoints and proofs (skipped where go is not installed)", () => {
  beforeAll(() => {
    expect(hasXMod, "golang.org/x/mod is missing: apt-get install golang-golang-x-mod-dev").toBe(true);
    dir = mkdtempSync(join(tmpdir(), "cwcheck-"));
    binary = join(dir, "cwcheck");
    execFileSync("go", ["build", "-o", binary, "cwcheck"], {
      cwd: dir,
      env: { ...process.env, GOPATH: `${resolve("test/go")}:${GOPATH_LIB}`, GO111MODULE: "off", GOFLAGS: "", GOCACHE: join(dir, "cache") },
      stdio: "pipe",
    });
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("opens the signed notes with the published vkey and accepts every inclusion and consistency proof", async () => {
    const owner = await createUser();
    const space = await createSpace({ members: [{ userId: owner.id, role: "owner" }] });
    const logId = logIdOf(space.id);
    const append = (i: number) => db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: owner.id, ...numbered(space.id, i) }));
    for (let i = 0; i < 3; i++) await append(i);
    await sequenceLog(logId, { wait: true });
    for (let i = 3; i < 11; i++) await append(i);
    await sequenceLog(logId, { wait: true });

    const vkey = await spaceLogVkey(null, space.slug);
    const latest = await spaceCheckpointNote(null, space.slug);
    const older = await checkpointAt(logId, 3);
    if (!vkey.ok || !latest.ok || !older?.note) throw new Error("no note or vkey");
    const origin = newLogOrigin(space.slug);
    expect(vkey.data.startsWith(`${origin}+`)).toBe(true);

    const opened = cwcheck({ vkey: vkey.data, notes: [latest.data, older.note] });
    expect(opened.notes).toEqual([
      expect.objectContaining({ ok: true, origin, signer: origin, size: 11 }),
      expect.objectContaining({ ok: true, size: 3 }),
    ]);
    const root11 = opened.notes[0]!.root!;
    const root3 = opened.notes[1]!.root!;

    // The export's checkpoint line carries the same note.
    const lines = (await readAll(await exportStream(null, space.slug))).trim().split("\n");
    const exported = JSON.parse(lines[lines.length - 1]!) as { checkpoint: { note: string; rootHash: string } };
    expect(exported.checkpoint.note).toBe(latest.data);
    expect(exported.checkpoint.rootHash).toBe(root11);

    const inclusion: Inclusion[] = [];
    for (const [size, root] of [[11, root11], [3, root3]] as const) {
      for (let seq = 0; seq < size; seq++) {
        const proof = await inclusionProofFor(null, space.slug, { seq, size });
        if (!proof.ok) throw new Error(proof.error.message);
        expect(proof.data.rootHash).toBe(root);
        inclusion.push({ index: seq, size, leafHash: proof.data.leafHash, proof: proof.data.proof, root });
      }
    }
    const consistency: Consistency[] = [];
    for (let from = 1; from <= 11; from++) {
      const proof = await consistencyProofFor(null, space.slug, { from, to: 11 });
      if (!proof.ok) throw new Error(proof.error.message);
      consistency.push({ from, to: 11, proof: proof.data.proof, fromRoot: proof.data.fromRoot, toRoot: proof.data.toRoot });
    }
    expect(consistency[2]!.fromRoot).toBe(root3);
    const checked = cwcheck({ vkey: vkey.data, inclusion, consistency });
    expect(checked.inclusion.filter((v) => !v.ok)).toEqual([]);
    expect(checked.consistency.filter((v) => !v.ok)).toEqual([]);
    expect(checked.inclusion).toHaveLength(14);
    expect(checked.consistency).toHaveLength(11);

    // And Go refuses what it must: a changed note, a note by another key, a changed proof, a wrong old root.
    const { privateKey } = generateKeyPairSync("ed25519");
    const body = checkpointNoteBody({ origin, size: 11, rootHash: root11 });
    const forged = formatNote(body, [signNoteBody(body, origin, privateKey)]);
    const refused = cwcheck({
      vkey: vkey.data,
      notes: [latest.data.replace("\n11\n", "\n12\n"), forged],
      inclusion: [{ ...inclusion[4]!, proof: inclusion[4]!.proof.map((h, i) => (i === 0 ? flip(h) : h)) }, { ...inclusion[4]!, index: 5 }],
      consistency: [{ ...consistency[2]!, fromRoot: flip(consistency[2]!.fromRoot) }],
    });
    expect(refused.notes.map((v) => v.ok)).toEqual([false, false]);
    expect(refused.inclusion.map((v) => v.ok)).toEqual([false, false]);
    expect(refused.consistency.map((v) => v.ok)).toEqual([false]);
  });

  it("still opens a note that carries a witness's cosignature (an unknown signer to it, ignored as the spec says)", async () => {
    const witness = await startTestWitness();
    try {
      const space = await createSpace();
      await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, 0) }));
      await sequenceLog(logIdOf(space.id), { wait: true });
      const vkey = await spaceLogVkey(null, space.slug);
      if (!vkey.ok) throw new Error("no vkey");
      witness.trust(vkey.data);
      const config = parseWitnesses(`${witness.vkey} ${witness.url}`);
      if (!config.ok) throw new Error(config.error);
      expect(await witnessLog(logIdOf(space.id), config.witnesses)).toEqual([expect.objectContaining({ status: "cosigned" })]);
      const note = await spaceCheckpointNote(null, space.slug);
      if (!note.ok) throw new Error("no note");
      expect(note.data).toContain(`\u2014 ${witness.name} `);
      expect(cwcheck({ vkey: vkey.data, notes: [note.data] }).notes).toEqual([expect.objectContaining({ ok: true, size: 1 })]);
    } finally {
      await witness.close();
    }
  });
});
