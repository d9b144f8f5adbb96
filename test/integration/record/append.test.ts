import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent, prepareEvent, type AppendEventInput } from "@/lib/record/append";
import { eventHashMatches } from "@/lib/record/data";
import { withVia } from "@/lib/record/via";
import { hashEvent } from "@/lib/record/canonical";
import { createSpace, createUser, eventsFor } from "@/test/support/factories";
import { created, numbered, numberOf } from "./sample-events";

describe("the governance record", () => {
  it("stores an event whose hash is the SHA-256 of its canonical content", async () => {
    const user = await createUser();
    const space = await createSpace({ members: [{ userId: user.id, role: "owner" }] });
    const appended = await db.$transaction((tx) =>
      appendEvent(tx, { spaceId: space.id, actorId: user.id, type: "space.updated", subject: { spaceId: space.id }, data: { changed: ["name"], values: { name: "New name", b: [1, 2] } } }),
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
      typeVersion: row!.typeVersion!,
      via: row!.via as "system",
    });
    expect(recomputed).toBe(appended.hash);
    // Written outside any request: the app itself; version 1 of space.updated in the catalog.
    expect({ typeVersion: row!.typeVersion, via: row!.via }).toEqual({ typeVersion: 1, via: "system" });
    expect(appended.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["UPDATE", (id: bigint) => db.$executeRaw`UPDATE governance_events SET type = 'space.forged' WHERE id = ${id}`],
    ["DELETE", (id: bigint) => db.$executeRaw`DELETE FROM governance_events WHERE id = ${id}`],
    ["TRUNCATE", () => db.$executeRawUnsafe("TRUNCATE governance_events CASCADE")],
  ])("refuses %s at the database level", async (_operation, attempt) => {
    const space = await createSpace();
    const appended = await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...created(space.id) }));
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
        await appendEvent(tx, { spaceId: space.id, actorId: null, type: "space.updated", subject: { spaceId: space.id }, data: { changed: ["name"], values: { name: "Renamed" } } });
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
        db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, i) })),
      ),
    );
    const rows = await eventsFor({ spaceId: space.id });
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map(numberOf))).toEqual(new Set(results.map((_, i) => i)));
    expect(new Set(rows.map((r) => r.hash)).size).toBe(200);
    expect(new Set(results.map((r) => r.hash))).toEqual(new Set(rows.map((r) => r.hash)));
  });

  it("refuses an event type that is not area.verb", async () => {
    const space = await createSpace();
    // @ts-expect-error -- not a catalogued type: the compiler refuses it too
    const bad: AppendEventInput = { spaceId: space.id, actorId: null, type: "Bad Type", subject: {}, data: {} };
    await expect(db.$transaction((tx) => appendEvent(tx, bad))).rejects.toThrow(/area\.verb/);
    expect(await eventsFor({ spaceId: space.id })).toHaveLength(0);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["a type not in the catalog", { type: "load.appended", subject: {}, data: { i: 1 } }, /^Not recorded: type 'load\.appended' is not in the event catalog$/],
    ["a missing data field", { type: "ballot.cast", subject: { decisionId: "d1" }, data: { choice: "+1" } }, /^Not recorded: ballot\.cast v2: data\.binding: /],
    ["a field of the wrong type", { type: "member.added", subject: { spaceId: "s", userId: "u" }, data: { role: "king" } }, /^Not recorded: member\.added v1: data\.role: /],
    ["an unknown data field", { type: "token.revoked", subject: { tokenId: "t" }, data: { secret: "x" } }, /^Not recorded: token\.revoked v1: data: .*secret/],
    ["a subject without its id", { type: "decision.cancelled", subject: {}, data: { reason: "r" } }, /^Not recorded: decision\.cancelled v1: subject\.decisionId: /],
  ])("refuses %s at run time, writing nothing", async (_name, event, message) => {
    const space = await createSpace();
    const input = { spaceId: space.id, actorId: null, ...event } as unknown as AppendEventInput;
    await expect(db.$transaction((tx) => appendEvent(tx, input))).rejects.toThrow(message);
    expect(() => prepareEvent(input)).toThrow(message);
    expect(await eventsFor({ spaceId: space.id })).toHaveLength(0);
  });

  it("refuses uncatalogued events and wrong shapes at compile time", () => {
    const spaceId = "s";
    const inputs: AppendEventInput[] = [
      // @ts-expect-error -- an uncatalogued type
      { spaceId, actorId: null, type: "load.appended", subject: {}, data: {} },
      // @ts-expect-error -- ballot.cast's data needs binding
      { spaceId, actorId: null, type: "ballot.cast", subject: { decisionId: "d" }, data: { choice: "+1" } },
      // @ts-expect-error -- member.added's role is one of the space roles
      { spaceId, actorId: null, type: "member.added", subject: { spaceId, userId: "u" }, data: { role: "king" } },
    ];
    for (const input of inputs) expect(() => prepareEvent(input)).toThrow(/Not recorded/);
  });

  it("records how the write came: the boundary's door when someone acts, the system when nobody does", async () => {
    const user = await createUser();
    const space = await createSpace({ members: [{ userId: user.id, role: "owner" }] });
    await withVia("token", () => db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: user.id, ...numbered(space.id, 1) })));
    await withVia("session", () => db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: user.id, ...numbered(space.id, 2) })));
    await withVia("token", () => db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: null, ...numbered(space.id, 3) })));
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: user.id, ...numbered(space.id, 4) }));
    const rows = await eventsFor({ spaceId: space.id });
    expect(rows.map((r) => [numberOf(r), r.via])).toEqual([[1, "token"], [2, "session"], [3, "system"], [4, "system"]]);
    for (const row of rows) expect(eventHashMatches(row)).toBe(true);
  });
});
