// Spaces through their use cases: creation with its owner, charter and record; settings; visibility.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { defaultCharter } from "@/lib/charter/rules";
import { db } from "@/lib/db";
import { createSpaceInput, updateSpaceInput } from "@/lib/spaces/schema";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { listSpaces } from "@/lib/spaces/use-cases/list-spaces";
import { updateSpace } from "@/lib/spaces/use-cases/update-space";
import { viewSpace } from "@/lib/spaces/use-cases/view-space";
import { createUser, eventsFor, unique } from "@/test/support/factories";

const actorOf = (user: { id: string; name: string | null; email: string | null }): Actor => ({ id: user.id, name: user.name, email: user.email });

function spaceInput(overrides: Record<string, unknown> = {}) {
  return createSpaceInput.parse({
    slug: unique("lumen"),
    name: "Lumen Collective",
    description: "An open 7B model trained on permissively licensed text.",
    visibility: "public",
    homepageUrl: "https://lumen.example.org",
    sourceUrl: "https://github.com/lumen/lumen-7b",
    hfOrg: "lumen-collective",
    ...overrides,
  });
}

/** Every table a space use case might write, counted, so a refusal can be shown to change nothing. */
async function snapshot() {
  const [spaces, memberships, charters, events] = await Promise.all([
    db.space.count(),
    db.membership.count(),
    db.charterVersion.count(),
    db.governanceEvent.count(),
  ]);
  return { spaces, memberships, charters, events };
}

async function newSpace(owner: Actor, overrides: Record<string, unknown> = {}) {
  const input = spaceInput(overrides);
  const created = await createSpace(owner, input);
  if (!created.ok) throw new Error(`createSpace failed: ${created.error.code}`);
  return db.space.findUniqueOrThrow({ where: { slug: input.slug } });
}

describe("createSpace", () => {
  it("creates the space, its owner, charter version 1 and one space.created event", async () => {
    const ada = actorOf(await createUser({ name: "Ada" }));
    const input = spaceInput({ visibility: "private" });
    const result = await createSpace(ada, input);
    expect(result).toMatchObject({ ok: true, data: { slug: input.slug } });

    const space = await db.space.findUniqueOrThrow({ where: { slug: input.slug }, include: { memberships: true, charters: true } });
    expect(space).toMatchObject({ name: "Lumen Collective", visibility: "private", hfOrg: "lumen-collective", sourceUrl: "https://github.com/lumen/lumen-7b" });
    expect(space.memberships.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: ada.id, role: "owner" }]);
    expect(space.charters).toHaveLength(1);
    expect(space.charters[0]).toMatchObject({ version: 1, createdById: ada.id });
    expect(space.charters[0]?.charter).toEqual(defaultCharter());

    const events = await eventsFor({ spaceId: space.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "space.created", actorId: ada.id, subject: { spaceId: space.id } });
    expect(events[0]?.data).toEqual({ slug: input.slug, name: "Lumen Collective", visibility: "private", charterVersion: 1 });
    if (result.ok) expect(result.data.receipt).toBe(events[0]?.hash);
  });

  it("refuses a taken slug as a conflict and changes nothing", async () => {
    const ada = actorOf(await createUser());
    const grace = actorOf(await createUser());
    const first = await newSpace(ada);
    const before = await snapshot();
    const eventsBefore = await eventsFor({ spaceId: first.id });

    const result = await createSpace(grace, spaceInput({ slug: first.slug, name: "Impostor" }));
    expect(result).toMatchObject({ ok: false, error: { code: "SLUG_TAKEN", kind: "conflict", fields: { slug: expect.any(Array) } } });

    expect(await snapshot()).toEqual(before);
    expect(await eventsFor({ spaceId: first.id })).toHaveLength(eventsBefore.length);
    expect(await db.space.findUniqueOrThrow({ where: { slug: first.slug } })).toMatchObject({ name: "Lumen Collective" });
    expect(await db.membership.count({ where: { userId: grace.id } })).toBe(0);
  });

  it.each(["settings", "api", "new", "admin"])("refuses the reserved slug %j and changes nothing", async (slug) => {
    const ada = actorOf(await createUser());
    const before = await snapshot();
    const result = await createSpace(ada, spaceInput({ slug }));
    expect(result).toMatchObject({ ok: false, error: { code: "SLUG_RESERVED", kind: "invalid", fields: { slug: [`'${slug}' is reserved`] } } });
    expect(await snapshot()).toEqual(before);
    expect(await db.space.findUnique({ where: { slug } })).toBeNull();
  });

  it("refuses an anonymous creator by throwing UNAUTHENTICATED, and changes nothing", async () => {
    const before = await snapshot();
    const input = spaceInput();
    await expect(createSpace(null, input)).rejects.toMatchObject({ code: "UNAUTHENTICATED", kind: "unauthenticated" });
    expect(await snapshot()).toEqual(before);
    expect(await db.space.findUnique({ where: { slug: input.slug } })).toBeNull();
  });
});

describe("updateSpace", () => {
  it("lets the owner change settings and records which fields changed", async () => {
    const ada = actorOf(await createUser());
    const space = await newSpace(ada);
    const input = updateSpaceInput.parse({
      spaceSlug: space.slug,
      name: "Lumen Collective (archived)",
      description: space.description,
      visibility: "private",
      homepageUrl: space.homepageUrl ?? "",
      sourceUrl: space.sourceUrl ?? "",
      hfOrg: space.hfOrg ?? "",
    });
    const result = await updateSpace(ada, input);
    expect(result.ok).toBe(true);
    if (result.ok) expect([...result.data.changed].sort()).toEqual(["name", "visibility"]);

    expect(await db.space.findUniqueOrThrow({ where: { id: space.id } })).toMatchObject({ name: "Lumen Collective (archived)", visibility: "private" });
    const updated = await eventsFor({ spaceId: space.id, type: "space.updated" });
    expect(updated).toHaveLength(1);
    expect(updated[0]?.actorId).toBe(ada.id);
    const data = updated[0]?.data as { changed: string[]; values: Record<string, unknown> };
    expect([...data.changed].sort()).toEqual(["name", "visibility"]);
    expect(data.values).toEqual({ name: "Lumen Collective (archived)", visibility: "private" });
  });

  it("refuses a steward by throwing FORBIDDEN, and changes nothing", async () => {
    const ada = await createUser();
    const grace = await createUser();
    const space = await newSpace(actorOf(ada));
    await db.membership.create({ data: { spaceId: space.id, userId: grace.id, role: "steward" } });
    const eventsBefore = (await eventsFor({ spaceId: space.id })).length;

    const input = updateSpaceInput.parse({ spaceSlug: space.slug, name: "Grace's space", visibility: "private" });
    await expect(updateSpace(actorOf(grace), input)).rejects.toMatchObject({ code: "FORBIDDEN", kind: "forbidden" });

    expect(await db.space.findUniqueOrThrow({ where: { id: space.id } })).toEqual(space);
    expect(await eventsFor({ spaceId: space.id })).toHaveLength(eventsBefore);
  });
});

describe("seeing spaces", () => {
  it("shows a private space to its members only; to others it does not exist", async () => {
    const ada = actorOf(await createUser());
    const stranger = actorOf(await createUser());
    const space = await newSpace(ada, { visibility: "private" });

    await expect(viewSpace(stranger, space.slug)).rejects.toMatchObject({ code: "NOT_FOUND", kind: "not_found" });
    await expect(viewSpace(null, space.slug)).rejects.toMatchObject({ code: "NOT_FOUND", kind: "not_found" });
    await expect(viewSpace(stranger, unique("never-existed"))).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such space." });
    await expect(viewSpace(stranger, space.slug)).rejects.toMatchObject({ message: "No such space." });

    const seen = await viewSpace(ada, space.slug);
    expect(seen).toMatchObject({ role: "owner", space: { id: space.id }, counts: { members: 1, events: 1 } });
  });

  it("shows a public space to anyone", async () => {
    const ada = actorOf(await createUser());
    const space = await newSpace(ada);
    expect(await viewSpace(null, space.slug)).toMatchObject({ role: null, space: { slug: space.slug } });
  });

  it("lists private spaces only for their members", async () => {
    const ada = actorOf(await createUser());
    const stranger = actorOf(await createUser());
    const hidden = await newSpace(ada, { visibility: "private" });
    const open = await newSpace(ada);

    const slugsFor = async (actor: Actor | null) => (await listSpaces(actor)).map((s) => s.slug);
    expect(await slugsFor(stranger)).toContain(open.slug);
    expect(await slugsFor(stranger)).not.toContain(hidden.slug);
    expect(await slugsFor(null)).toContain(open.slug);
    expect(await slugsFor(null)).not.toContain(hidden.slug);

    const mine = await listSpaces(ada);
    expect(mine.find((s) => s.slug === hidden.slug)).toMatchObject({ visibility: "private", yourRole: "owner", memberCount: 1 });
    expect(mine.find((s) => s.slug === open.slug)).toMatchObject({ yourRole: "owner" });
  });
});
