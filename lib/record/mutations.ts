// Writes of the governance record outside appendEvent: the sequencer's transaction and the instance signing key.
import "server-only";
import { createPrivateKey } from "node:crypto";
import { db, type Db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { INSTANCE_LOG } from "@/lib/record/append";
import { generateSigningKey, signCheckpoint, type InstanceKey } from "@/lib/record/checkpoint";
import { contentOf, leafHashOf, storedEventColumns, type StoredEvent } from "@/lib/record/event-content";
import { bytesToHex, EMPTY_ROOT_HEX, hexToBytes, MerkleFrontier } from "@/lib/record/merkle";
import { checkpointNoteBody, signNoteBody } from "@/lib/record/note";
import { newLogOrigin } from "@/lib/record/origin";
import { importedKeyPattern } from "@/lib/record/imported-key";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { submitsToWitnesses } from "@/lib/record/witness/config";

export const checkpointOrigin = (logId: string): string => `commonweights/log/${logId}`;

const REBUILD_CHUNK = 100_000;

/**
 * The log's C2SP origin: the one this instance's notes on it already carry, else a new one from its space's slug
 * (lib/record/origin.ts). Notes an origin signed (a fork's imported checkpoints) name the origin's log, not ours: a
 * fork signs under its own origin, so no witness ever sees two keys and two trees under one name.
 */
export async function logOrigin(client: Tx | Db | undefined, logId: string): Promise<string> {
  const tx = client ?? db;
  const [kept] = await tx.$queryRaw<Array<{ origin: string }>>`
    SELECT c.origin FROM checkpoints c JOIN signing_keys k ON k.key_id = c.key_id
    WHERE c.log_id = ${logId} AND c.origin IS NOT NULL AND k.private_key NOT LIKE ${importedKeyPattern} ORDER BY c.size DESC LIMIT 1`;
  if (kept) return kept.origin;
  if (logId === INSTANCE_LOG) return newLogOrigin(null);
  const [space] = await tx.$queryRaw<Array<{ slug: string }>>`SELECT slug FROM spaces WHERE id = ${logId}`;
  return newLogOrigin(space?.slug ?? logId);
}

async function rebuildHead(tx: Tx, logId: string, size: number): Promise<Head> {
  const frontier = new MerkleFrontier();
  for (let from = 0; from < size; from += REBUILD_CHUNK) {
    const rows = await tx.$queryRaw<Array<{ leaf_hash: string }>>`
      SELECT leaf_hash FROM event_positions WHERE log_id = ${logId} AND seq >= ${from} AND seq < ${Math.min(size, from + REBUILD_CHUNK)} ORDER BY seq`;
    for (const row of rows) frontier.append(hexToBytes(row.leaf_hash));
  }
  if (frontier.size !== size) throw new Error(`log ${logId}: ${frontier.size} stored positions, but the last checkpoint covers ${size}`);
  return { size, frontier };
}

async function currentHead(tx: Tx, logId: string, cached: Head | undefined): Promise<Head> {
  const [latest] = await tx.$queryRaw<Array<{ size: number; root_hash: string }>>`
    SELECT size, root_hash FROM checkpoints WHERE log_id = ${logId} ORDER BY size DESC LIMIT 1`;
  const size = latest?.size ?? 0;
  const root = latest?.root_hash ?? EMPTY_ROOT_HEX;
  if (cached && cached.size === size && bytesToHex(cached.frontier.root()) === root) return cached;
  const rebuilt = await rebuildHead(tx, logId, size);
  if (bytesToHex(rebuilt.frontier.root()) !== root) {
    throw new Error(`log ${logId}: the stored leaves no longer produce the last signed root; refusing to extend a tampered log`);
  }
  return rebuilt;
}

export type Head = { size: number; frontier: MerkleFrontier };
export type SequenceResult = { logId: string; sequenced: number; size: number; busy: boolean };
export type BatchOptions = { client?: Db; batch: number; wait: boolean; now: () => Date; key: InstanceKey; cached: Head | undefined };

/**
 * One sequencing transaction for one log: lock, take up to `batch` queued events in id order, give them the next
 * positions, extend the tree, sign and store the checkpoint, empty those queue rows. The caller keeps `head`.
 */
export async function sequenceBatch(logId: string, { client = db, batch, wait, now, key, cached }: BatchOptions): Promise<SequenceResult & { head?: Head }> {
  return client.$transaction(
    async (tx): Promise<SequenceResult & { head?: Head }> => {
      if (wait) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${logId}))`;
      } else {
        const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(hashtext(${logId})) AS locked`;
        if (!lock?.locked) return { logId, sequenced: 0, size: -1, busy: true };
      }
      const queued = await tx.$queryRaw<StoredEvent[]>`
        SELECT ${Prisma.raw(storedEventColumns)} FROM event_queue q JOIN governance_events e ON e.id = q.event_id
        WHERE q.log_id = ${logId} ORDER BY q.event_id LIMIT ${batch}`;
      if (queued.length === 0) return { logId, sequenced: 0, size: -1, busy: false };

      const head = await currentHead(tx, logId, cached);
      const leaves = queued.map((row) => leafHashOf(contentOf(row)));
      const seqs = queued.map((_, i) => head.size + i);
      // MerkleFrontier cannot be copied: it is extended in place, and sequenceLog drops it if this transaction fails.
      for (const leaf of leaves) head.frontier.append(hexToBytes(leaf));
      const next: Head = { size: head.size + leaves.length, frontier: head.frontier };
      head.size = next.size;
      const ids = queued.map((row) => row.id.toString());
      await tx.$executeRaw`
        INSERT INTO event_positions (log_id, seq, event_id, leaf_hash)
        SELECT ${logId}, s, e::bigint, h FROM unnest(${seqs}::int[], ${ids}::text[], ${leaves}::text[]) AS t(s, e, h)`;
      await tx.$executeRaw`DELETE FROM event_queue WHERE event_id = ANY(${ids}::text[]::bigint[])`;
      const signed = signCheckpoint(
        { origin: checkpointOrigin(logId), size: next.size, rootHash: bytesToHex(next.frontier.root()), timestamp: now().toISOString() },
        key.privateKey,
      );
      const origin = await logOrigin(tx, logId);
      const noteSignature = signNoteBody(checkpointNoteBody({ origin, size: signed.size, rootHash: signed.rootHash }), origin, key.privateKey);
      await tx.checkpoint.create({
        data: { logId, size: signed.size, rootHash: signed.rootHash, timestamp: new Date(signed.timestamp), signature: signed.signature, keyId: key.keyId, origin, noteSignature },
      });
      // Witnesses hear of it through the job queue, committed with the checkpoint: a restart loses no submission,
      // and a slow or broken witness is waited for by a worker, never by sealing.
      if (submitsToWitnesses()) await enqueueJob(tx, "witness.submit", { logId, size: signed.size }, { jobKey: `witness:${logId}`, maxAttempts: 5 });
      return { logId, sequenced: queued.length, size: next.size, busy: false, head: next };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * Signs the note of a checkpoint sealed before notes were (deterministic Ed25519: the same key gives the same line)
 * and keeps it, so its origin is fixed from then on. Returns the origin and signature line.
 */
export async function signMissingNote(logId: string, size: number, key: InstanceKey, client: Db = db): Promise<{ origin: string; noteSignature: string }> {
  return client.$transaction(async (tx) => {
    const row = await tx.checkpoint.findUniqueOrThrow({ where: { logId_size: { logId, size } } });
    if (row.origin && row.noteSignature) return { origin: row.origin, noteSignature: row.noteSignature };
    const origin = await logOrigin(tx, logId);
    const noteSignature = signNoteBody(checkpointNoteBody({ origin, size, rootHash: row.rootHash }), origin, key.privateKey);
    await tx.checkpoint.update({ where: { logId_size: { logId, size } }, data: { origin, noteSignature } });
    return { origin, noteSignature };
  });
}

/** Logs with queued events (the queue is small: it only holds what has not been sequenced yet). */
export async function pendingLogs(client: Db = db): Promise<string[]> {
  const rows = await client.$queryRaw<Array<{ log_id: string }>>`SELECT DISTINCT log_id FROM event_queue`;
  return rows.map((r) => r.log_id);
}

/** Stores the public half of a file-held key, so checkpoints it signed stay verifiable by key id. */
export async function recordFileKey(client: Db | undefined, key: { keyId: string; publicKey: string }): Promise<void> {
  await (client ?? db).signingKey.upsert({
    where: { keyId: key.keyId },
    create: { keyId: key.keyId, publicKey: key.publicKey, privateKey: "kept in CW_SIGNING_KEY_FILE" },
    update: {},
  });
}

/** The newest database-held key, created on first use (serialized, so two instances starting together agree). */
export async function loadOrCreateSigningKey(client: Db = db): Promise<InstanceKey> {
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('commonweights:signing-key'))`;
    let row = await tx.signingKey.findFirst({ where: { NOT: { privateKey: { startsWith: "kept in" } } }, orderBy: { createdAt: "desc" } });
    if (!row) {
      const fresh = generateSigningKey();
      row = await tx.signingKey.create({ data: { keyId: fresh.keyId, publicKey: fresh.publicKeyRaw, privateKey: fresh.privateKeyPem } });
    }
    return { keyId: row.keyId, publicKey: row.publicKey, privateKey: createPrivateKey(row.privateKey) };
  });
}
