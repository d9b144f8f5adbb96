// The notification API and the one-click unsubscribe against real Postgres: your inbox only, mark read,
// preferences, watches refused on what you cannot see, and an unsubscribe authorized by its token alone.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { signUnsubscribe } from "@/lib/mail/unsubscribe-token";
import { createSpace, createUser } from "@/test/support/factories";
import { actorOf } from "@/test/integration/decisions/support";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));

const origin = "http://localhost:3000";
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(file: string, method: string, { path, body, params = {}, headers = {} }: { path: string; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> }) {
  const mod = (await import(`@/app/api/v1/${file}/route`)) as Record<string, Handler>;
  const init: RequestInit = { method, headers: { origin, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) };
  const response = await mod[method]!(new Request(`${origin}${path}`, init), { params: Promise.resolve(params) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

let ada: Actor;
let grace: Actor;
let spaceId = "";
beforeAll(async () => {
  ada = actorOf(await createUser({ name: "Ada" }));
  grace = actorOf(await createUser({ name: "Grace" }));
  const space = await createSpace({ members: [{ userId: ada.id, role: "member" }] });
  spaceId = space.id;
  await db.notification.createMany({
    data: [1, 2, 3].map((n) => ({ userId: ada.id, spaceId, dedupeKey: `test:${n}:${ada.id}`, kind: "decision_opened", title: `Vote ${n}`, path: `/s/${space.slug}` })),
  });
  await db.notification.create({ data: { userId: grace.id, spaceId, dedupeKey: `test:1:${grace.id}`, kind: "decision_opened", title: "Grace's", path: "/" } });
});

describe("the inbox API", () => {
  it("answers 401 without a session", async () => {
    session.actor = null;
    expect((await call("notifications", "GET", { path: "/api/v1/notifications" })).status).toBe(401);
  });

  it("lists only your own entries, and marks read one, then all; another's ids change nothing", async () => {
    session.actor = ada;
    const listed = await call("notifications", "GET", { path: "/api/v1/notifications" });
    const entries = listed.json.notifications as Array<{ id: string; read: boolean; title: string }>;
    expect(listed.json.unread).toBe(3);
    expect(entries.map((e) => e.title).sort()).toEqual(["Vote 1", "Vote 2", "Vote 3"]);
    const graces = await db.notification.findFirstOrThrow({ where: { userId: grace.id } });
    expect((await call("notifications/read", "POST", { path: "/api/v1/notifications/read", body: { ids: [graces.id] } })).json).toEqual({ marked: 0 });
    expect((await db.notification.findUniqueOrThrow({ where: { id: graces.id } })).readAt).toBeNull();
    expect((await call("notifications/read", "POST", { path: "/api/v1/notifications/read", body: { ids: [entries[0]!.id] } })).json).toEqual({ marked: 1 });
    expect((await call("notifications/unread", "GET", { path: "/api/v1/notifications/unread" })).json).toEqual({ unread: 2 });
    expect((await call("notifications/read", "POST", { path: "/api/v1/notifications/read", body: { all: true } })).json).toEqual({ marked: 2 });
    expect((await call("notifications/unread", "GET", { path: "/api/v1/notifications/unread" })).json).toEqual({ unread: 0 });
  });

  it.each([
    [{}, "Send either ids or all: true, not both and not neither."],
    [{ ids: ["x"], all: true }, "Send either ids or all: true, not both and not neither."],
    [{ ids: [] }, "Name at least one notification, or send all: true."],
    [{ ids: Array.from({ length: 201 }, (_, i) => `n${i}`) }, "Mark at most 200 at once, or send all: true."],
    [{ all: false }, "Send all: true to mark every notification read."],
  ])("refuses %j with a clear sentence", async (body, message) => {
    session.actor = ada;
    const answer = await call("notifications/read", "POST", { path: "/api/v1/notifications/read", body });
    expect(answer.status).toBe(400);
    expect(answer.json.error?.message).toBe(message);
  });
});

describe("preferences and watches", () => {
  it("reads the defaults, changes one kind, and refuses a channel that does not exist", async () => {
    session.actor = grace;
    const before = await call("notifications/preferences", "GET", { path: "/api/v1/notifications/preferences" });
    expect((before.json.channels as Record<string, string>).decision_opened).toBe("email");
    const changed = await call("notifications/preferences", "PUT", { path: "/api/v1/notifications/preferences", body: { decision_opened: "weekly" } });
    expect((changed.json.channels as Record<string, string>).decision_opened).toBe("weekly");
    const refused = await call("notifications/preferences", "PUT", { path: "/api/v1/notifications/preferences", body: { decision_opened: "sms" } });
    expect(refused.status).toBe(400);
    expect(refused.json.error?.message).toBe("Choose one of: in_app, email, daily, weekly, off.");
  });

  it("a private space you are not in answers 404 like a missing one, and an item of another space 404 too", async () => {
    const hidden = await createSpace({ visibility: "private" });
    session.actor = grace;
    const missing = await call("spaces/[slug]/watch", "PUT", { path: `/api/v1/spaces/nope/watch`, params: { slug: "no-such-space" }, body: { watching: "watch" } });
    const secret = await call("spaces/[slug]/watch", "PUT", { path: `/api/v1/spaces/${hidden.slug}/watch`, params: { slug: hidden.slug }, body: { watching: "watch" } });
    expect(secret).toEqual(missing);
    expect(secret.status).toBe(404);
    const open = await createSpace();
    const foreign = await call("spaces/[slug]/watch", "PUT", { path: `/api/v1/spaces/${open.slug}/watch`, params: { slug: open.slug }, body: { watching: "watch", itemId: "someone-elses-decision" } });
    expect(foreign.status).toBe(404);
    expect(await db.watch.count({ where: { userId: grace.id } })).toBe(0);
    const ok = await call("spaces/[slug]/watch", "PUT", { path: `/api/v1/spaces/${open.slug}/watch`, params: { slug: open.slug }, body: { watching: "watch" } });
    expect(ok.json).toEqual({ itemId: null, watching: "watch" });
    expect(await db.watch.findMany({ where: { userId: grace.id }, select: { spaceId: true, itemId: true, watching: true } })).toEqual([{ spaceId: open.id, itemId: "", watching: true }]);
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  it("stops that kind of e-mail with no session and no Origin, keeping the inbox", async () => {
    session.actor = null;
    const token = signUnsubscribe({ userId: ada.id, kind: "release_approved" });
    const answer = await call("unsubscribe", "POST", { path: `/api/v1/unsubscribe?token=${encodeURIComponent(token)}`, body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded", origin: "" } });
    expect(answer).toEqual({ status: 200, json: { stopped: ["A release is approved"] } });
    expect(await db.notificationPreference.findUnique({ where: { userId_kind: { userId: ada.id, kind: "release_approved" } } })).toMatchObject({ channel: "in_app" });
  });

  it.each([
    ["a forged token", () => signUnsubscribe({ userId: ada.id, kind: "release_approved" }).replace(/.$/, (c) => (c === "A" ? "B" : "A"))],
    ["a token for someone who does not exist", () => signUnsubscribe({ userId: "no-such-user", kind: "release_approved" })],
    ["a token for a kind that does not exist", () => signUnsubscribe({ userId: ada.id, kind: "everything" })],
  ])("refuses %s and changes nothing", async (_name, make) => {
    const before = await db.notificationPreference.count();
    const answer = await call("unsubscribe", "POST", { path: `/api/v1/unsubscribe?token=${encodeURIComponent(make())}`, body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(answer.status).toBe(400);
    expect(answer.json.error?.code).toBe("INVALID_TOKEN");
    expect(await db.notificationPreference.count()).toBe(before);
  });

  it("refuses a missing token", async () => {
    const answer = await call("unsubscribe", "POST", { path: "/api/v1/unsubscribe", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(answer.status).toBe(400);
    expect(answer.json.error?.message).toBe("This unsubscribe link is incomplete.");
  });
});
