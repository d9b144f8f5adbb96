import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { listSubjectEvents } from "@/lib/record/data";
import { hexToBytes } from "@/lib/record/merkle";
import { verifyConsistency, verifyInclusion } from "@/lib/record/verify-proof";
import { consistencyProofFor } from "@/lib/history/use-cases/consistency-proof-for";
import { eventPermalink } from "@/lib/history/use-cases/event-permalink";
import { eventsAfter } from "@/lib/history/use-cases/events-after";
import { inclusionProofFor } from "@/lib/history/use-cases/inclusion-proof-for";
import { receiptInSpace } from "@/lib/history/use-cases/receipt-in-space";
import { spaceFeed } from "@/lib/history/use-cases/space-feed";
import { spaceHistory } from "@/lib/history/use-cases/space-history";
import { createSpace, createUser } from "@/test/support/factories";
import type { CatalogEvent } from "@/lib/record/events/catalog";
import { created, numbered, numberOf } from "./sample-events";

async function spaceWithEvents() {
  const alice = await createUser({ name: "Alice Example" });
  const bob = await createUser({ name: "Bob Example" });
  const space = await createSpace({ members: [{ userId: alice.id, role: "owner" }, { userId: bob.id, role: "member" }] });
  const append = (actorId: string, event: CatalogEvent, at?: Date) => db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId, ...event, at }));
  await append(alice.id, { ...created(space.id), data: { slug: space.slug, name: space.name, visibility: "public", charterVersion: 1 } }, new Date("2026-01-01T10:00:00Z"));
  await append(alice.id, { type: "member.added", subject: { spaceId: space.id, userId: bob.id }, data: { role: "member" } }, new Date("2026-01-02T10:00:00Z"));
  const ballot = await append(bob.id, { type: "ballot.cast", subject: { decisionId: "dec-1", releaseId: "rel-1" }, data: { choice: "+1", binding: true } }, new Date("2026-01-03T10:00:00Z"));
  await append(
    alice.id,
    {
      type: "finding.transitioned",
      subject: { releaseId: "rel-1", reportId: "rep-1", findingId: "f-1" },
      data: { number: 1, title: "Prompt injection", severity: "high", from: "open", to: "accepted_risk", note: "Prompt injection is mitigated upstream" },
    },
    new Date("2026-01-04T10:00:00Z"),
  );
  for (let i = 0; i < 6; i++) await append(bob.id, numbered(space.id, i), new Date(`2026-01-05T10:0${i}:00Z`));
  return { alice, bob, space, ballot };
}

describe("the record's read use cases", () => {
  it("pages history newest first, stable while new events arrive, with names and positions", async () => {
    const { space, alice, bob } = await spaceWithEvents();
    const first = await spaceHistory(null, space.slug, {}, { limit: 4 });
    expect(first.events.map((e) => e.type)).toEqual(["space.updated", "space.updated", "space.updated", "space.updated"]);
    expect(first.events.every((e) => e.seq !== null)).toBe(true);
    // A new event arrives between page loads: the next page continues where the first stopped.
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: bob.id, ...numbered(space.id, 99) }));
    const second = await spaceHistory(null, space.slug, {}, { limit: 4, before: first.nextBefore! });
    expect(second.events.map((e) => e.type)).toEqual(["space.updated", "space.updated", "finding.transitioned", "ballot.cast"]);
    const third = await spaceHistory(null, space.slug, {}, { limit: 4, before: second.nextBefore! });
    expect(third.events.map((e) => e.type)).toEqual(["member.added", "space.created"]);
    expect(third.nextBefore).toBeNull();
    expect(third.names[alice.id]).toBe("Alice Example");
  });

  it("pages a date-filtered history by time, without gaps or repeats while new events arrive", async () => {
    const { space, bob } = await spaceWithEvents();
    const range = { from: new Date("2026-01-03T00:00:00Z"), to: new Date("2026-01-06T00:00:00Z") };
    const first = await spaceHistory(null, space.slug, range, { limit: 3 });
    expect(first.events.map((e) => numberOf(e))).toEqual([5, 4, 3]);
    // Something recorded now is outside the range and must not disturb the pages.
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: bob.id, ...numbered(space.id, 99) }));
    const second = await spaceHistory(null, space.slug, range, { limit: 3, before: first.nextBefore! });
    expect(second.events.map((e) => numberOf(e))).toEqual([2, 1, 0]);
    const third = await spaceHistory(null, space.slug, range, { limit: 3, before: second.nextBefore! });
    expect(third.events.map((e) => e.type)).toEqual(["finding.transitioned", "ballot.cast"]);
    expect(third.nextBefore).toBeNull();
  });

  it("filters by type, area, actor, subject id, date range and full-text search", async () => {
    const { space, alice } = await spaceWithEvents();
    const types = async (filters: Parameters<typeof spaceHistory>[2]) => (await spaceHistory(null, space.slug, filters, {})).events.map((e) => e.type);
    expect(await types({ type: "ballot.cast" })).toEqual(["ballot.cast"]);
    expect(await types({ type: "member" })).toEqual(["member.added"]);
    expect(await types({ actorId: alice.id })).toEqual(["finding.transitioned", "member.added", "space.created"]);
    expect(await types({ subject: "rel-1" })).toEqual(["finding.transitioned", "ballot.cast"]);
    expect(await types({ from: new Date("2026-01-02T00:00:00Z"), to: new Date("2026-01-04T00:00:00Z") })).toEqual(["ballot.cast", "member.added"]);
    expect(await types({ q: "prompt injection" })).toEqual(["finding.transitioned"]);
    expect(await types({ q: "ballot" })).toEqual(["ballot.cast"]);
    expect(await types({ q: "nothing-like-this" })).toEqual([]);
    expect((await listSubjectEvents(space.id, { releaseId: "rel-1" })).map((e) => e.type)).toEqual(["finding.transitioned", "ballot.cast"]);
  });

  it("answers NOT_FOUND for a private space's history and exports to non-members", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const space = await createSpace({ visibility: "private", members: [{ userId: owner.id, role: "owner" }] });
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: owner.id, ...created(space.id) }));
    for (const actor of [null, { id: stranger.id, name: null, email: null }]) {
      await expect(spaceHistory(actor, space.slug, {}, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(eventsAfter(actor, space.slug, { after: -1, limit: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(receiptInSpace(actor, space.slug, "a".repeat(64))).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const own = await spaceHistory({ id: owner.id, name: null, email: null }, space.slug, {}, {});
    expect(own.events).toHaveLength(1);
  });

  it("serves JSON pages, inclusion and consistency proofs that verify against signed checkpoints", async () => {
    const { space } = await spaceWithEvents();
    const page = await eventsAfter(null, space.slug, { after: 2, limit: 3 });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.data.events.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(page.data.next).toBe(5);
    expect(page.data.checkpoint?.size).toBe(10);

    const inclusion = await inclusionProofFor(null, space.slug, { seq: 3 });
    if (!inclusion.ok) throw new Error(inclusion.error.message);
    expect(verifyInclusion({ index: 3, size: 10, leafHash: hexToBytes(inclusion.data.leafHash), proof: inclusion.data.proof.map(hexToBytes), root: hexToBytes(inclusion.data.checkpoint!.rootHash) })).toEqual({ ok: true });
    expect(await inclusionProofFor(null, space.slug, { seq: 3, size: 11 })).toMatchObject({ ok: false, error: { code: "SIZE_TOO_LARGE" } });
    expect(await inclusionProofFor(null, space.slug, { seq: 10 })).toMatchObject({ ok: false, error: { code: "SEQ_OUT_OF_RANGE" } });

    const consistency = await consistencyProofFor(null, space.slug, { from: 4, to: 10 });
    if (!consistency.ok) throw new Error(consistency.error.message);
    const { fromRoot, toRoot, proof } = consistency.data;
    expect(verifyConsistency({ size1: 4, size2: 10, root1: hexToBytes(fromRoot), root2: hexToBytes(toRoot), proof: proof.map(hexToBytes) })).toEqual({ ok: true });
  });

  it("finds a vote receipt with its position and verified inclusion; a permalink shows the same", async () => {
    const { space, ballot } = await spaceWithEvents();
    const receipt = await receiptInSpace(null, space.slug, ballot.receipt.toUpperCase());
    expect(receipt).toMatchObject({ ok: true, data: { seq: 2, verified: true, event: { type: "ballot.cast" } } });
    expect(await receiptInSpace(null, space.slug, "0".repeat(64))).toMatchObject({ ok: false, error: { code: "RECEIPT_NOT_FOUND" } });
    const other = await createSpace();
    expect(await receiptInSpace(null, other.slug, ballot.receipt)).toMatchObject({ ok: false, error: { code: "RECEIPT_NOT_FOUND" } });
    const permalink = await eventPermalink(null, space.slug, 2);
    expect(permalink).toMatchObject({ ok: true, data: { verified: { ok: true }, event: { hash: ballot.hash } } });
    if (permalink.ok) expect(permalink.data.storedLeafHash).toBe(permalink.data.recomputedLeafHash);
    expect(await eventPermalink(null, space.slug, 999)).toMatchObject({ ok: false, error: { code: "EVENT_NOT_FOUND" } });
  });

  it("publishes an Atom feed in plain language", async () => {
    const { space } = await spaceWithEvents();
    const xml = await spaceFeed(null, space.slug, "https://cw.example", new Date());
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain("Alice Example added Bob Example as member");
    expect(xml).toContain(`https://cw.example/s/${space.slug}/history/1`);
  });
});
