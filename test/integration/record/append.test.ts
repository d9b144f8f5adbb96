import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { hashEvent } from "@/lib/record/canonical";
import { createSpace, createUser, eventsFor } from "@/test/support/factories";

describe("the governance record", () => {
  it("stores an event whose hash is the SHA-256 of its canonical content", async () => {
    const user = await createUser();
    const space = await createSpace({ members: [{ userId: user.id, role: "owner" }] });
    const appended = await db.$transaction((tx) =>
      appendEvent(tx, { spaceId: space.id, actorId: user.id, type: "space.updated", subject: { spaceId: space.id }, data: { name: "New name", b: [1, 2] } }),
    );
    const [row] = await eventsFor({ spaceId: space.id });
    expect(row?.hash).toBe(appended.hash);
    expect(row?.eventId).toBe(appended.eventId);
    const recomputed = hashEvent({
      id: row!.eventId,
      space: row!.spaceId,
      type: row!.type,
      actor: row!.actorId,
      subject: row!.subject as Record<string, unknown>,
      data: row!.data as Record<string, unknown>,
      at: row!.createdAt.toISOString(),
    });
    expect(recomputed).toBe(appended.hash);
    expect(appended.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["UPDATE", (id: bigint) => db.$executeRaw`UPDATE governance_events SET type = 'space.forged' WHERE id = ${id}`],
    ["DELETE", (id: bigint) => db.$executeRaw`DELETE FROM governance_events WHERE id = ${id}`],
    ["TRUNCATE", () => db.$executeRawUnsafe("TRUNCATE governance_events CASCADE")],
  ])("refuses %s at the database level", async (_operation, attempt) => {
    const space = await createSpace();
    const appended = await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, type: "space.created" }));
    await expect(attempt(appended.id)).rejects.toThrow(/append-only/);
    const [row] = await eventsFor({ spaceId: space.id });
    expect(row?.type).toBe("space.created");
    expect(row?.hash).toBe(appended.hash);
  });

  it("leaves no event when the surrounding transaction rolls back", async () => {
    const space = await createSpace();
    await expect(
      db.$transaction(async (tx) => {
        await tx.space.update({ where: { id: space.id }, data: { name: "Renamed" } });
        await appendEvent(tx, { spaceId: space.id, actorId: null, type: "space.updated", data: { name: "Renamed" } });
        throw new Error("the change failed after the event was appended");
      }),
    ).rejects.toThrow("the change failed");
    expect(await eventsFor({ spaceId: space.id })).toHaveLength(0);
    expect((await db.space.findUniqueOrThrow({ where: { id: space.id } })).name).toBe(space.name);
  });

  it("lands 200 concurrent appends to one space, each exactly once", async () => {
    const space = await createSpace();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, type: "load.appended", data: { i } })),
      ),
    );
    const rows = await eventsFor({ spaceId: space.id });
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => (r.data as { i: number }).i))).toEqual(new Set(results.map((_, i) => i)));
    expect(new Set(rows.map((r) => r.hash)).size).toBe(200);
    expect(new Set(results.map((r) => r.hash))).toEqual(new Set(rows.map((r) => r.hash)));
  });

  it("refuses an event type that is not area.verb", async () => {
    const space = await createSpace();
    await expect(db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, type: "Bad Type" }))).rejects.toThrow(
      /area\.verb/,
    );
    expect(await eventsFor({ spaceId: space.id })).toHaveLength(0);
  });
});
