// A database administrator who edits history (with the append-only triggers disabled, as a superuser can) is
// caught by the offline verifier, run as the CLI, against a checkpoint or export taken before the tampering.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { hashEvent } from "@/lib/record/canonical";
import { signCheckpoint } from "@/lib/record/checkpoint";
import { contentOf, leafHashOf } from "@/lib/record/event-content";
import { bytesToHex, hexToBytes, rootFromLeafHashes } from "@/lib/record/merkle";
import { checkpointOrigin, sequenceLog } from "@/lib/record/sequencer";
import { exportStream } from "@/lib/history/use-cases/export-stream";
import { createSpace } from "@/test/support/factories";
import { numbered } from "./sample-events";

const dir = mkdtempSync(path.join(os.tmpdir(), "cw-tamper-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exportText(slug: string): Promise<string> {
  return new Response(await exportStream(null, slug)).text();
}

function verify(exportText: string, older?: string): { status: number; output: string } {
  const file = path.join(dir, `export-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(file, exportText);
  const args = ["tsx", "scripts/verify.ts", file];
  if (older) {
    const olderFile = path.join(dir, `older-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(olderFile, older);
    args.push("--checkpoint", olderFile);
  }
  const run = spawnSync("npx", args, { encoding: "utf8" });
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

/** A space with 12 sequenced events; returns the export and its last line (the checkpoint) taken now. */
async function recordedSpace() {
  const space = await createSpace();
  for (let i = 0; i < 12; i++) {
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, i, `event number ${i}`) }));
    if (i % 4 === 3) await sequenceLog(space.id);
  }
  const before = await exportText(space.slug);
  const checkpointLine = before.trim().split("\n").pop()!;
  const events = await db.$queryRaw<Array<{ id: bigint; seq: number }>>`
    SELECT p.event_id AS id, p.seq FROM event_positions p WHERE p.log_id = ${space.id} ORDER BY p.seq`;
  return { space, before, checkpointLine, idAt: (seq: number) => events[seq]!.id };
}

async function asSuperuser(statements: () => Promise<unknown>) {
  const tables = ["governance_events", "event_positions", "checkpoints"];
  for (const t of tables) await db.$executeRawUnsafe(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
  try {
    await statements();
  } finally {
    for (const t of tables) await db.$executeRawUnsafe(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
  }
}

afterEach(async () => {
  for (const t of ["governance_events", "event_positions", "checkpoints"]) await db.$executeRawUnsafe(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
});

describe("tampering with the record", () => {
  it("an untouched log verifies, also against its earlier checkpoint", async () => {
    const { space, before, checkpointLine } = await recordedSpace();
    expect(verify(before)).toMatchObject({ status: 0, output: expect.stringMatching(/^OK: 12 events verified/) });
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, 12) }));
    const after = await exportText(space.slug);
    expect(verify(after, checkpointLine)).toMatchObject({ status: 0, output: expect.stringMatching(/13 events verified.*consistent with the older checkpoint of 12 events/) });
  });

  it("editing one byte of an event is caught, naming it", async () => {
    const { space, checkpointLine, idAt } = await recordedSpace();
    await asSuperuser(() => db.$executeRaw`UPDATE governance_events SET data = jsonb_set(data, '{values,note}', '"event number 6!"') WHERE id = ${idAt(5)}`);
    const result = verify(await exportText(space.slug), checkpointLine);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAILED: event 5 .*does not match its leaf hash/);
  });

  it("deleting one event is caught, naming it", async () => {
    const { space, checkpointLine, idAt } = await recordedSpace();
    await asSuperuser(() => db.$executeRaw`DELETE FROM governance_events WHERE id = ${idAt(7)}`);
    const result = verify(await exportText(space.slug), checkpointLine);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAILED: event 7 is missing/);
  });

  it("reordering two events is caught, naming the first", async () => {
    const { space, checkpointLine, idAt } = await recordedSpace();
    const [a, b] = [idAt(3), idAt(8)];
    await asSuperuser(async () => {
      await db.$executeRaw`UPDATE event_positions SET event_id = -1 WHERE event_id = ${a}`;
      await db.$executeRaw`UPDATE event_positions SET event_id = ${a} WHERE event_id = ${b}`;
      await db.$executeRaw`UPDATE event_positions SET event_id = ${b} WHERE event_id = -1`;
    });
    const result = verify(await exportText(space.slug), checkpointLine);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAILED: event 3 /);
  });

  it("rewriting a suffix with fresh hashes and a re-signed checkpoint is caught against the earlier checkpoint and export", async () => {
    const { space, before, checkpointLine } = await recordedSpace();
    // The administrator rewrites events 4.. , recomputes their leaves, and re-signs with the key from the database.
    await asSuperuser(async () => {
      const rows = await db.$queryRaw<Array<{ id: bigint; seq: number }>>`SELECT event_id AS id, seq FROM event_positions WHERE log_id = ${space.id} ORDER BY seq`;
      for (const { id, seq } of rows.filter((r) => r.seq >= 4)) {
        await db.$executeRaw`UPDATE governance_events SET data = jsonb_set(data, '{values,note}', '"rewritten"') WHERE id = ${id}`;
        const event = await db.governanceEvent.findUniqueOrThrow({ where: { id } });
        await db.$executeRaw`UPDATE governance_events SET hash = ${hashEvent(contentOf(event))} WHERE id = ${id}`;
        await db.$executeRaw`UPDATE event_positions SET leaf_hash = ${leafHashOf(contentOf(event))} WHERE log_id = ${space.id} AND seq = ${seq}`;
      }
      const leaves = await db.eventPosition.findMany({ where: { logId: space.id }, orderBy: { seq: "asc" } });
      const rootHash = bytesToHex(rootFromLeafHashes(leaves.map((l) => hexToBytes(l.leafHash))));
      const key = await db.signingKey.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      const signed = signCheckpoint({ origin: checkpointOrigin(space.id), size: leaves.length, rootHash, timestamp: new Date().toISOString() }, key.privateKey);
      await db.checkpoint.deleteMany({ where: { logId: space.id } });
      await db.checkpoint.create({ data: { logId: space.id, size: signed.size, rootHash, timestamp: new Date(signed.timestamp), signature: signed.signature, keyId: key.keyId } });
    });
    const after = await exportText(space.slug);
    expect(verify(after).status).toBe(0); // consistent in itself: only an earlier checkpoint can tell
    const againstCheckpoint = verify(after, checkpointLine);
    expect(againstCheckpoint.status).toBe(1);
    expect(againstCheckpoint.output).toMatch(/FAILED: The first 12 events do not produce the older checkpoint's root/);
    const againstExport = verify(after, before);
    expect(againstExport.status).toBe(1);
    expect(againstExport.output).toMatch(/FAILED: event 4 .*differs from the same position in the older export/);
    // Re-signed consistently, the rewrite is invisible from inside the server: checkpoints must leave it (exports, feeds).
  });

  it("an event rewritten into a shape the catalog does not describe, rehashed and re-signed, fails naming it", async () => {
    const { space, idAt } = await recordedSpace();
    await asSuperuser(async () => {
      // `changed` must be a list; with the hashes, the leaf and the checkpoint all made to match, only the catalog can tell.
      await db.$executeRaw`UPDATE governance_events SET data = jsonb_set(data, '{changed}', '"everything"') WHERE id = ${idAt(6)}`;
      const event = await db.governanceEvent.findUniqueOrThrow({ where: { id: idAt(6) } });
      await db.$executeRaw`UPDATE governance_events SET hash = ${hashEvent(contentOf(event))} WHERE id = ${idAt(6)}`;
      await db.$executeRaw`UPDATE event_positions SET leaf_hash = ${leafHashOf(contentOf(event))} WHERE log_id = ${space.id} AND seq = 6`;
      const leaves = await db.eventPosition.findMany({ where: { logId: space.id }, orderBy: { seq: "asc" } });
      const rootHash = bytesToHex(rootFromLeafHashes(leaves.map((l) => hexToBytes(l.leafHash))));
      const key = await db.signingKey.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      const signed = signCheckpoint({ origin: checkpointOrigin(space.id), size: leaves.length, rootHash, timestamp: new Date().toISOString() }, key.privateKey);
      await db.checkpoint.deleteMany({ where: { logId: space.id } });
      await db.checkpoint.create({ data: { logId: space.id, size: signed.size, rootHash, timestamp: new Date(signed.timestamp), signature: signed.signature, keyId: key.keyId } });
    });
    const result = verify(await exportText(space.slug));
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAILED: event 6 \(space\.updated [0-9a-f-]{36}\) does not match the event catalog: space\.updated v1: data\.changed: /);
  });

  it("the sequencer refuses to extend a log whose stored leaves no longer match its last checkpoint", async () => {
    const { space, idAt } = await recordedSpace();
    await asSuperuser(() => db.$executeRaw`UPDATE event_positions SET leaf_hash = ${"0".repeat(64)} WHERE event_id = ${idAt(2)}`);
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, 99) }));
    await expect(sequenceLog(space.id, { client: (await import("@/lib/db")).createDb(process.env.DATABASE_URL!, 2) })).rejects.toThrow(/tampered/);
  });
});
