// The record keeps how each write came: the API with a bearer token, the API or a page's form with the session, or the
// app itself. Real route handlers and tokens; the session is the one stand-in (Auth.js needs Next's request scope).
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { defineAction } from "@/lib/action";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { eventHashMatches } from "@/lib/record/data";
import { createToken } from "@/lib/tokens/mutations";
import { ok } from "@/lib/result";
import { POST as createSpaceRoute } from "@/app/api/v1/spaces/route";
import { createUser, eventsFor } from "@/test/support/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  currentActor: async () => session.actor,
  requireActor: async () => session.actor,
}));

const origin = "http://localhost:3000";
const body = (slug: string) => JSON.stringify({ slug, name: `Space ${slug}`, description: "", visibility: "public" });
const newSlug = () => `via-${randomBytes(4).toString("hex")}`;

async function createdEvent(slug: string) {
  const space = await db.space.findUniqueOrThrow({ where: { slug } });
  const [event] = await eventsFor({ spaceId: space.id, type: "space.created" });
  return event!;
}

describe("via", () => {
  it("is token for an API write with a bearer token, and hashed into the event", async () => {
    const user = await createUser();
    const { token } = await createToken({ userId: user.id, name: "via test" });
    session.actor = null;
    const slug = newSlug();
    const response = await createSpaceRoute(
      new Request(`${origin}/api/v1/spaces`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: body(slug) }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(201);
    const event = await createdEvent(slug);
    expect({ actorId: event.actorId, via: event.via, typeVersion: event.typeVersion }).toEqual({ actorId: user.id, via: "token", typeVersion: 1 });
    expect(eventHashMatches(event)).toBe(true);
    // Changing via afterwards breaks the hash: it is part of what the receipt covers.
    expect(eventHashMatches({ ...event, via: "session" })).toBe(false);
  });

  it("is session for an API write signed in by the session cookie from the app's own pages", async () => {
    const user = await createUser();
    session.actor = { id: user.id, name: user.name, email: user.email };
    const slug = newSlug();
    const response = await createSpaceRoute(
      new Request(`${origin}/api/v1/spaces`, { method: "POST", headers: { "content-type": "application/json", cookie: "authjs.session-token=x", origin }, body: body(slug) }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(201);
    expect((await createdEvent(slug)).via).toBe("session");
  });

  it("is session for a server action, and system for what the app writes with no actor or outside a request", async () => {
    const user = await createUser();
    session.actor = { id: user.id, name: user.name, email: user.email };
    const record = (actorId: string | null, i: number) =>
      db.$transaction((tx) => appendEvent(tx, { spaceId: null, actorId, type: "token.revoked", subject: { tokenId: `via-${i}-${user.id}` }, data: {} }));
    const action = defineAction(z.strictObject({}), async (_input, actor) => {
      await record(actor!.id, 1);
      await record(null, 2); // e.g. a deadline close the request happened to trigger
      return ok(null);
    });
    expect(await action({})).toEqual({ ok: true, data: null });
    await record(user.id, 3); // outside any request: the seed, the admin command
    const rows = await db.governanceEvent.findMany({ where: { type: "token.revoked", subject: { path: ["tokenId"], string_ends_with: user.id } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [(r.subject as { tokenId: string }).tokenId.split("-")[1], r.via])).toEqual([["1", "session"], ["2", "system"], ["3", "system"]]);
  });
});
