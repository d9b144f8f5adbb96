// Profiles show a person as the viewer may see them; only the person renames themselves, and the rename is recorded.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { createToken } from "@/lib/tokens/mutations";
import { createSpace, createUser, eventsFor, unique } from "@/test/support/factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { viewProfile, profileJson } = await import("@/lib/users/use-cases/view-profile");
const { updateDisplayName } = await import("@/lib/users/use-cases/update-display-name");
const { updateDisplayNameAction } = await import("@/lib/users/actions");
const userRoute = await import("@/app/api/v1/users/[id]/route");

const actorOf = (u: { id: string; name: string | null; email: string | null }): Actor => ({ id: u.id, name: u.name, email: u.email });
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: unknown, method: string, id: string, { token, body }: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost:3000/api/v1/users/${id}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await (handler as Handler)(req, { params: Promise.resolve({ id }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
}

beforeEach(() => {
  session.actor = null;
});

async function world() {
  const dana = await createUser({ name: "Dana Example" });
  const viewer = await createUser({ name: "Viewer" });
  const open = await createSpace({ members: [{ userId: dana.id, role: "steward" }] });
  const hidden = await createSpace({ visibility: "private", members: [{ userId: dana.id, role: "owner" }] });
  const providerAccountId = unique("gh-account");
  await db.account.create({ data: { userId: dana.id, type: "oidc", provider: "github", providerAccountId } });
  for (const space of [open, hidden]) {
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: dana.id, type: "space.updated", subject: { spaceId: space.id }, data: { changed: ["description"], values: {} } }));
  }
  return { dana, viewer, open, hidden, providerAccountId };
}

describe("viewing a profile", () => {
  it("shows providers by name, only visible spaces and actions, and never an e-mail", async () => {
    const { dana, viewer, open, hidden, providerAccountId } = await world();
    const seen = await viewProfile(actorOf(viewer), { userId: dana.id });
    if (!seen.ok) throw new Error(seen.error.message);
    const json = profileJson(seen.data);
    expect(json).toMatchObject({ name: "Dana Example", providers: ["GitHub"], spaces: [{ slug: open.slug, role: "steward" }] });
    expect(json.spaces.map((s) => s.slug)).not.toContain(hidden.slug);
    expect(json.activity.map((a) => a.space)).toEqual([open.slug]);
    expect(JSON.stringify(json)).not.toContain(dana.email);
    expect(JSON.stringify(json)).not.toContain(providerAccountId);

    // A fellow member of the private space sees it, and what Dana did there.
    await db.membership.create({ data: { spaceId: hidden.id, userId: viewer.id, role: "member" } });
    const member = await viewProfile(actorOf(viewer), { userId: dana.id });
    if (!member.ok) throw new Error(member.error.message);
    expect(profileJson(member.data).spaces.map((s) => s.slug).sort()).toEqual([open.slug, hidden.slug].sort());
    expect(profileJson(member.data).activity.map((a) => a.space).sort()).toEqual([open.slug, hidden.slug].sort());
  });

  it("answers a person seen only in private spaces exactly like an id nobody has", async () => {
    const loner = await createUser();
    await createSpace({ visibility: "private", members: [{ userId: loner.id, role: "owner" }] });
    const stranger = await createUser();
    const hidden = await viewProfile(actorOf(stranger), { userId: loner.id });
    const missing = await viewProfile(actorOf(stranger), { userId: "no-such-user" });
    expect(hidden).toEqual(missing);
    expect(missing).toMatchObject({ ok: false, error: { code: "USER_NOT_FOUND", kind: "not_found" } });
    expect(await viewProfile(null, { userId: loner.id })).toEqual(missing);
    // Their own profile is always theirs to see.
    expect(await viewProfile(actorOf(loner), { userId: loner.id })).toMatchObject({ ok: true, data: { self: true } });
  });

  it("answers the API the same, without a session", async () => {
    const { dana, hidden } = await world();
    const { status, json } = await call(userRoute.GET, "GET", dana.id);
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: dana.id, name: "Dana Example", providers: ["GitHub"] });
    expect(JSON.stringify(json)).not.toContain(hidden.slug);
    expect(await call(userRoute.GET, "GET", "no-such-user")).toMatchObject({ status: 404, json: { error: { code: "USER_NOT_FOUND" } } });
  });
});

describe("changing your display name", () => {
  it("renames you and records user.renamed with the old and new names, in one step", async () => {
    const dana = await createUser({ name: "Dana" });
    session.actor = actorOf(dana);
    const result = await updateDisplayNameAction({ name: "  Dana Q. Example  " });
    expect(result).toEqual({ ok: true, data: { id: dana.id, name: "Dana Q. Example", changed: true } });
    expect((await db.user.findUniqueOrThrow({ where: { id: dana.id } })).name).toBe("Dana Q. Example");
    const events = await eventsFor({ type: "user.renamed", actorId: dana.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ spaceId: null, subject: { userId: dana.id }, data: { from: "Dana", to: "Dana Q. Example" } });
    // The same name again changes nothing and records nothing.
    expect(await updateDisplayNameAction({ name: "Dana Q. Example" })).toMatchObject({ ok: true, data: { changed: false } });
    expect(await eventsFor({ type: "user.renamed", actorId: dana.id })).toHaveLength(1);
  });

  it.each<[string, unknown, string]>([
    ["an empty name", { name: "   " }, "Enter the name people should see; it cannot be empty."],
    ["an over-long name", { name: "x".repeat(81) }, "Keep your name to 80 characters or fewer."],
    ["a NUL character", { name: "Dana\u0000" }, "Text cannot contain the NUL character (U+0000)."],
    ["a line break", { name: "Dana\nAdmin" }, "A name cannot contain line breaks, tabs or other control characters."],
    ["a bidi override", { name: "Dana\u202eevil" }, "A name cannot contain line breaks, tabs or other control characters."],
    ["a number", { name: 42 }, "Enter text here."],
  ])("refuses %s with a sentence under the field, and changes nothing", async (_what, input, message) => {
    const dana = await createUser({ name: "Dana" });
    session.actor = actorOf(dana);
    const result = await updateDisplayNameAction(input);
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fields: { name: [message] } } });
    expect((await db.user.findUniqueOrThrow({ where: { id: dana.id } })).name).toBe("Dana");
    expect(await eventsFor({ type: "user.renamed", actorId: dana.id })).toHaveLength(0);
  });

  it("refuses unknown fields, anonymous callers, and anyone else's id (as not found)", async () => {
    const dana = await createUser({ name: "Dana" });
    const eve = await createUser({ name: "Eve" });
    session.actor = actorOf(dana);
    expect(await updateDisplayNameAction({ name: "Dana", userId: eve.id })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fields: { userId: ['Unknown field "userId".'] } } });
    session.actor = null;
    expect(await updateDisplayNameAction({ name: "Nobody" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await expect(updateDisplayName(actorOf(dana), { userId: eve.id, name: "Eve renamed by Dana" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: eve.id } })).name).toBe("Eve");
  });

  it("through the API: your own id renames you; another's answers 404; bad input 400 with the same message", async () => {
    const dana = await createUser({ name: "Dana" });
    const eve = await createUser({ name: "Eve" });
    const { token } = await createToken({ userId: dana.id, name: "profile test" });
    expect(await call(userRoute.PATCH, "PATCH", dana.id, { token, body: { name: "Dana API" } })).toMatchObject({ status: 200, json: { id: dana.id, name: "Dana API", changed: true } });
    expect(await call(userRoute.PATCH, "PATCH", eve.id, { token, body: { name: "Hijacked" } })).toMatchObject({ status: 404, json: { error: { code: "NOT_FOUND" } } });
    expect(await call(userRoute.PATCH, "PATCH", dana.id, { token, body: { name: "x".repeat(500) } })).toMatchObject({
      status: 400,
      json: { error: { code: "INVALID_INPUT", message: "Keep your name to 80 characters or fewer." } },
    });
    expect(await call(userRoute.PATCH, "PATCH", dana.id, { body: { name: "No token" } })).toMatchObject({ status: 401 });
    expect((await db.user.findUniqueOrThrow({ where: { id: eve.id } })).name).toBe("Eve");
    expect((await db.user.findUniqueOrThrow({ where: { id: dana.id } })).name).toBe("Dana API");
  });
});
