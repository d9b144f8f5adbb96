// Amending a space's charter directly: a new version and its record, or a refusal that changes nothing.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { defaultCharter, type Charter } from "@/lib/charter/rules";
import { db } from "@/lib/db";
import { createSpaceInput } from "@/lib/spaces/schema";
import { amendCharter } from "@/lib/spaces/use-cases/amend-charter";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { viewCharter } from "@/lib/spaces/use-cases/view-charter";
import { createUser, eventsFor, unique } from "@/test/support/factories";

type User = Awaited<ReturnType<typeof createUser>>;
const actorOf = (user: User): Actor => ({ id: user.id, name: user.name, email: user.email });

async function spaceWithSteward() {
  const owner = await createUser({ name: "Ada" });
  const steward = await createUser({ name: "Grace" });
  const slug = unique("lumen");
  const created = await createSpace(actorOf(owner), createSpaceInput.parse({ slug, name: "Lumen Collective", visibility: "public" }));
  if (!created.ok) throw new Error(`createSpace failed: ${created.error.code}`);
  const space = await db.space.findUniqueOrThrow({ where: { slug } });
  await db.membership.create({ data: { spaceId: space.id, userId: steward.id, role: "steward" } });
  return { space, owner: actorOf(owner), steward: actorOf(steward) };
}

/** The default charter with release votes needing five +1s instead of three. */
function stricterReleases(): Charter {
  const charter = defaultCharter();
  charter.decisions.release.minPlusOnes = 5;
  return charter;
}

async function state(spaceId: string) {
  const [versions, events] = await Promise.all([
    db.charterVersion.findMany({ where: { spaceId }, orderBy: { version: "asc" }, select: { version: true, charter: true } }),
    eventsFor({ spaceId }),
  ]);
  return { versions, events: events.length };
}

describe("amendCharter", () => {
  it("lets the owner amend: version 2, with a charter.amended event listing the changes", async () => {
    const { space, owner } = await spaceWithSteward();
    const result = await amendCharter(owner, { spaceSlug: space.slug, charter: stricterReleases(), reason: "Three reviewers were too few for a 70B release.", basedOnVersion: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.version).toBe(2);
    expect(result.data.changes.length).toBeGreaterThan(0);

    const { versions } = await state(space.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]?.charter).toEqual(stricterReleases());
    expect((await viewCharter(null, space.slug)).current).toMatchObject({ version: 2, charter: stricterReleases() });

    const amended = await eventsFor({ spaceId: space.id, type: "charter.amended" });
    expect(amended).toHaveLength(1);
    const data = amended[0]?.data as { version: number; reason: string; changes: string[] };
    expect(amended[0]?.actorId).toBe(owner.id);
    expect(data.version).toBe(2);
    expect(data.reason).toBe("Three reviewers were too few for a 70B release.");
    expect(data.changes).toEqual(result.data.changes);
    expect(data.changes.length).toBeGreaterThan(0);
  });

  it("refuses a steward by throwing FORBIDDEN, and changes nothing", async () => {
    const { space, steward } = await spaceWithSteward();
    const before = await state(space.id);
    await expect(
      amendCharter(steward, { spaceSlug: space.slug, charter: stricterReleases(), reason: "Stewards know best." }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", kind: "forbidden" });
    expect(await state(space.id)).toEqual(before);
  });

  it("refuses an anonymous amendment by throwing UNAUTHENTICATED", async () => {
    const { space } = await spaceWithSteward();
    const before = await state(space.id);
    await expect(amendCharter(null, { spaceSlug: space.slug, charter: stricterReleases(), reason: "Drive-by edit." })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await state(space.id)).toEqual(before);
  });

  it("refuses an invalid charter with INVALID_CHARTER naming the field, and changes nothing", async () => {
    const { space, owner } = await spaceWithSteward();
    const before = await state(space.id);
    const charter = defaultCharter();
    charter.decisions.release.minHours = 400;
    charter.decisions.release.maxHours = 48;
    const result = await amendCharter(owner, { spaceSlug: space.slug, charter, reason: "Longer votes." });
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_CHARTER", kind: "invalid" } });
    if (result.ok) return;
    expect(Object.keys(result.error.fields ?? {})).toContain("decisions.release.minHours");
    expect(result.error.fields?.["decisions.release.minHours"]?.[0]).toMatch(/longer than the maximum/);
    expect(await state(space.id)).toEqual(before);
  });

  it("refuses an amendment based on a stale version with CHARTER_CHANGED, and changes nothing", async () => {
    const { space, owner } = await spaceWithSteward();
    const first = await amendCharter(owner, { spaceSlug: space.slug, charter: stricterReleases(), reason: "More reviewers.", basedOnVersion: 1 });
    expect(first).toMatchObject({ ok: true, data: { version: 2 } });
    const before = await state(space.id);

    const edited = stricterReleases();
    edited.audits.blockingSeverity = "medium";
    const stale = await amendCharter(owner, { spaceSlug: space.slug, charter: edited, reason: "Block on medium findings.", basedOnVersion: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: "CHARTER_CHANGED", kind: "conflict", message: expect.stringMatching(/version 2/) } });
    expect(await state(space.id)).toEqual(before);
  });

  it("refuses a charter identical to the one in force with NO_CHANGE, and changes nothing", async () => {
    const { space, owner } = await spaceWithSteward();
    const before = await state(space.id);
    const result = await amendCharter(owner, { spaceSlug: space.slug, charter: defaultCharter(), reason: "Re-affirming." });
    expect(result).toMatchObject({ ok: false, error: { code: "NO_CHANGE" } });
    expect(await state(space.id)).toEqual(before);
  });

  it("once the charter requires a decision for amendments, refuses a direct one with AMENDMENT_NEEDS_DECISION", async () => {
    const { space, owner } = await spaceWithSteward();
    const viaDecision = defaultCharter();
    viaDecision.amendments.viaDecision = true;
    expect(await amendCharter(owner, { spaceSlug: space.slug, charter: viaDecision, reason: "Amendments need a vote from now on." })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    const before = await state(space.id);

    const next = stricterReleases();
    next.amendments.viaDecision = true;
    const result = await amendCharter(owner, { spaceSlug: space.slug, charter: next, reason: "Quietly raise the bar." });
    expect(result).toMatchObject({ ok: false, error: { code: "AMENDMENT_NEEDS_DECISION", kind: "rule" } });
    expect(await state(space.id)).toEqual(before);
  });

  it("lets only one of two simultaneous amendments of the same version through", async () => {
    const { space, owner } = await spaceWithSteward();
    const other = defaultCharter();
    other.audits.blockingSeverity = "critical";
    const results = await Promise.all([
      amendCharter(owner, { spaceSlug: space.slug, charter: stricterReleases(), reason: "More reviewers.", basedOnVersion: 1 }),
      amendCharter(owner, { spaceSlug: space.slug, charter: other, reason: "Block only on critical findings.", basedOnVersion: 1 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: "CHARTER_CHANGED" } });
    const { versions } = await state(space.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await eventsFor({ spaceId: space.id, type: "charter.amended" })).toHaveLength(1);
  });
});
