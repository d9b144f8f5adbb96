// Checkpoints as C2SP signed notes on real Postgres: the sequencer signs each under the log's origin, which stays fixed;
// checkpoints sealed before notes get one once; checkpoints stay append-only otherwise; private spaces stay hidden.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { latestCheckpoint } from "@/lib/record/data";
import { parseCheckpointNoteBody, parseNote, parseVkey, verifyNoteSignature, type Vkey } from "@/lib/record/note";
import { newLogOrigin } from "@/lib/record/origin";
import { sequenceLog } from "@/lib/record/sequencer";
import { spaceCheckpointNote } from "@/lib/history/use-cases/space-checkpoint-note";
import { spaceLogVkey } from "@/lib/history/use-cases/space-log-vkey";
import { createSpace, createUser } from "@/test/support/factories";
import { numbered } from "./sample-events";

async function sealed(space: { id: string }, from: number, to: number) {
  for (let i = from; i < to; i++) await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, i) }));
  await sequenceLog(space.id, { wait: true });
}

function opened(note: string, vkey: string) {
  const parsed = parseNote(note);
  if ("error" in parsed) throw new Error(parsed.error);
  const head = parseCheckpointNoteBody(parsed.body);
  if ("error" in head) throw new Error(head.error);
  return { head, verified: parsed.signatures.some((sig) => verifyNoteSignature(parsed.body, sig, parseVkey(vkey) as Vkey)) };
}

describe("checkpoint notes", () => {
  it("signs each checkpoint under <host>/s/<slug>, verifiable with the published vkey, and keeps that origin", async () => {
    const space = await createSpace();
    await sealed(space, 0, 2);
    const vkey = await spaceLogVkey(null, space.slug);
    const note = await spaceCheckpointNote(null, space.slug);
    if (!vkey.ok || !note.ok) throw new Error("missing");
    const cp = (await latestCheckpoint(space.id))!;
    const origin = newLogOrigin(space.slug);
    expect(opened(note.data, vkey.data)).toEqual({ head: { origin, size: 2, rootHash: cp.rootHash }, verified: true });

    // The host changes later: the log keeps the origin witnesses know it by.
    process.env.CW_ORIGIN_HOST = "renamed.example";
    try {
      await sealed(space, 2, 3);
      const later = await spaceCheckpointNote(null, space.slug);
      expect(later.ok && opened(later.data, vkey.data)).toEqual({ head: expect.objectContaining({ origin, size: 3 }), verified: true });
      const fresh = await createSpace();
      await sealed(fresh, 0, 1);
      const freshNote = await spaceCheckpointNote(null, fresh.slug);
      expect(freshNote.ok && freshNote.data.startsWith(`renamed.example/s/${fresh.slug}\n1\n`)).toBe(true);
    } finally {
      delete process.env.CW_ORIGIN_HOST;
    }
  });

  it("signs the note of a checkpoint sealed before notes once, and refuses any other change to a checkpoint", async () => {
    const space = await createSpace();
    await sealed(space, 0, 3);
    // As a checkpoint sealed before this feature: no origin, no note signature (the one change the trigger allows).
    await db.$executeRaw`ALTER TABLE checkpoints DISABLE TRIGGER USER`;
    await db.$executeRaw`UPDATE checkpoints SET origin = NULL, note_signature = NULL WHERE log_id = ${space.id}`;
    await db.$executeRaw`ALTER TABLE checkpoints ENABLE TRIGGER USER`;
    expect((await latestCheckpoint(space.id))!.note).toBeUndefined();

    const note = await spaceCheckpointNote(null, space.slug);
    const vkey = await spaceLogVkey(null, space.slug);
    if (!note.ok || !vkey.ok) throw new Error("missing");
    expect(opened(note.data, vkey.data).verified).toBe(true);
    expect((await latestCheckpoint(space.id))!.note).toBe(note.data);

    const update = (sql: string) => db.$executeRawUnsafe(sql, space.id);
    await expect(update(`UPDATE checkpoints SET note_signature = 'x' WHERE log_id = $1`)).rejects.toThrow(/append-only/);
    await expect(update(`UPDATE checkpoints SET root_hash = repeat('0', 64) WHERE log_id = $1`)).rejects.toThrow(/append-only/);
    await expect(update(`DELETE FROM checkpoints WHERE log_id = $1`)).rejects.toThrow(/append-only/);
  });

  it("answers for a private space's note and vkey only to its members, and 404 for an empty log", async () => {
    const member = await createUser();
    const secret = await createSpace({ visibility: "private", members: [{ userId: member.id, role: "owner" }] });
    await sealed(secret, 0, 1);
    const outsider = await createUser();
    for (const actor of [null, { id: outsider.id, name: null, email: null }]) {
      await expect(spaceCheckpointNote(actor, secret.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(spaceLogVkey(actor, secret.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await spaceCheckpointNote({ id: member.id, name: null, email: null }, secret.slug)).ok).toBe(true);
    const empty = await createSpace();
    expect(await spaceCheckpointNote(null, empty.slug)).toMatchObject({ ok: false, error: { code: "NO_CHECKPOINT", kind: "not_found" } });
  });
});
