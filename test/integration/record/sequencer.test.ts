import { afterAll, describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { verifyCheckpoint } from "@/lib/record/checkpoint";
import { contentOf, leafHashOf } from "@/lib/record/event-content";
import { bytesToHex, hexToBytes, rootFromLeafHashes } from "@/lib/record/merkle";
import { checkpointOrigin, sequenceLog } from "@/lib/record/sequencer";
import { instanceKey } from "@/lib/record/signing-key";
import { createSpace } from "@/test/support/factories";
import { created, numbered } from "./sample-events";

const instanceA = createDb(process.env.DATABASE_URL!, 10);
const instanceB = createDb(process.env.DATABASE_URL!, 10);
afterAll(async () => {
  await instanceA.$disconnect();
  await instanceB.$disconnect();
});

async function positions(logId: string) {
  return db.eventPosition.findMany({ where: { logId }, orderBy: { seq: "asc" } });
}

describe("the sequencer", () => {
  it("queues each appended event in its space's log, in the same transaction", async () => {
    const space = await createSpace();
    const appended = await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...created(space.id) }));
    expect(await db.eventQueue.findUnique({ where: { eventId: appended.id } })).toMatchObject({ logId: space.id });
  });

  it("assigns consecutive positions, stores leaf hashes and signs a checkpoint of the new root", async () => {
    const space = await createSpace();
    for (let i = 0; i < 5; i++) {
      await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, i) }));
    }
    const result = await sequenceLog(space.id);
    expect(result).toMatchObject({ sequenced: 5, size: 5, busy: false });
    const rows = await positions(space.id);
    expect(rows.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4]);
    const events = await db.governanceEvent.findMany({ where: { spaceId: space.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.leafHash)).toEqual(events.map((e) => leafHashOf(contentOf(e))));
    expect(await db.eventQueue.count({ where: { logId: space.id } })).toBe(0);
    const checkpoint = await db.checkpoint.findFirstOrThrow({ where: { logId: space.id }, orderBy: { size: "desc" } });
    expect(checkpoint.rootHash).toBe(bytesToHex(rootFromLeafHashes(rows.map((r) => hexToBytes(r.leafHash)))));
    const key = await instanceKey();
    const signed = { origin: checkpointOrigin(space.id), size: 5, rootHash: checkpoint.rootHash, timestamp: checkpoint.timestamp.toISOString(), signature: checkpoint.signature };
    expect(verifyCheckpoint(signed, key.publicKey)).toEqual({ ok: true });

    // A later batch extends the same tree.
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, 5) }));
    expect(await sequenceLog(space.id)).toMatchObject({ sequenced: 1, size: 6 });
    expect(await sequenceLog(space.id)).toMatchObject({ sequenced: 0 });
  });

  it("gives way when another instance holds the log", async () => {
    const space = await createSpace();
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...created(space.id) }));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = instanceA.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${space.id}))`;
      await held;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await sequenceLog(space.id, { client: instanceB })).toMatchObject({ busy: true, sequenced: 0 });
    release();
    await holder;
    expect(await sequenceLog(space.id, { client: instanceB })).toMatchObject({ busy: false, sequenced: 1 });
  });

  it("two instances appending and sequencing at once end with a gapless log, each event exactly once", async () => {
    const space = await createSpace();
    const N = 300;
    let stop = false;
    const sequencerLoop = async (client: typeof instanceA) => {
      while (!stop) {
        await sequenceLog(space.id, { client, batch: 25 });
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const loops = [sequencerLoop(instanceA), sequencerLoop(instanceB)];
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        (i % 2 ? instanceA : instanceB).$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, i) })),
      ),
    );
    stop = true;
    await Promise.all(loops);
    await sequenceLog(space.id, { client: instanceA, wait: true });
    const rows = await positions(space.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: N }, (_, i) => i));
    const events = await db.governanceEvent.findMany({ where: { spaceId: space.id }, select: { id: true } });
    expect(new Set(rows.map((r) => r.eventId))).toEqual(new Set(events.map((e) => e.id)));
    const latest = await db.checkpoint.findFirstOrThrow({ where: { logId: space.id }, orderBy: { size: "desc" } });
    expect(latest.size).toBe(N);
    expect(latest.rootHash).toBe(bytesToHex(rootFromLeafHashes(rows.map((r) => hexToBytes(r.leafHash)))));
    // Every intermediate checkpoint is a prefix root of the final log.
    const all = await db.checkpoint.findMany({ where: { logId: space.id } });
    for (const cp of all) expect(cp.rootHash).toBe(bytesToHex(rootFromLeafHashes(rows.slice(0, cp.size).map((r) => hexToBytes(r.leafHash)))));
  });
});
