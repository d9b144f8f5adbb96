// Proposing, editing and moving releases: rows and their record event, or a refusal that changes nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateReleaseInput } from "@/lib/releases/schema";
import { editRelease } from "@/lib/releases/use-cases/edit-release";
import { transitionRelease } from "@/lib/releases/use-cases/transition-release";
import { proposeRelease } from "@/lib/releases/use-cases/propose-release";
import { spaceReleases } from "@/lib/releases/use-cases/space-releases";
import { viewRelease } from "@/lib/releases/use-cases/view-release";
import { eventsFor } from "@/test/support/factories";
import { commit, hex, lumenSpace, proposal, snapshot } from "./helpers";

describe("proposeRelease", () => {
  it("writes the release, its artifacts, components and links, and one release.proposed event", async () => {
    const { space, member } = await lumenSpace();
    const result = await proposeRelease(member, proposal(space.slug));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const release = await db.release.findUniqueOrThrow({ where: { id: result.data.id }, include: { artifacts: true, components: true, links: true } });
    expect(release).toMatchObject({ status: "draft", modelName: "lumen-7b", version: "2.0", createdById: member.id, previousReleaseId: null });
    expect(release.artifacts.map((a) => a.digest).sort()).toEqual([`sha256:${hex("a")}`, `sha256:${hex("b")}`, `sha256:${hex("c")}`]);
    expect(release.components).toHaveLength(4);
    expect(release.links.map((l) => [l.kind, l.pinned])).toEqual(expect.arrayContaining([["huggingface", true], ["oci", false]]));

    const events = await eventsFor({ spaceId: space.id, type: "release.proposed" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: member.id, subject: { releaseId: release.id } });
    expect(events[0]?.data).toMatchObject({ modelName: "lumen-7b", version: "2.0", mofClass: null });
    expect(result.data.receipt).toBe(events[0]?.hash);
  });

  it("links a new version to the latest release of the same model", async () => {
    const { space, member } = await lumenSpace();
    const first = await proposeRelease(member, proposal(space.slug, { version: "1.0" }));
    const second = await proposeRelease(member, proposal(space.slug, { version: "1.1" }));
    if (!first.ok || !second.ok) throw new Error("setup");
    expect((await db.release.findUniqueOrThrow({ where: { id: second.data.id } })).previousReleaseId).toBe(first.data.id);
  });

  it("lists a space's releases a page at a time, newest first, without overlap (the releases page)", async () => {
    const { space, member } = await lumenSpace();
    const ids: string[] = [];
    for (const version of ["1.0", "1.1", "1.2"]) {
      const result = await proposeRelease(member, proposal(space.slug, { version }));
      if (!result.ok) throw new Error("setup");
      ids.push(result.data.id);
    }
    const first = await spaceReleases(member, space.slug, { take: 2, skip: 0 });
    const second = await spaceReleases(member, space.slug, { take: 2, skip: 2 });
    expect(first.releases.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(second.releases.map((r) => r.id)).toEqual([ids[0]]);
  });

  const badInputs: Array<[string, Record<string, unknown>, string]> = [
    ["a malformed digest", { artifacts: [{ name: "w", kind: "weights", digest: `sha256:${hex("a").slice(0, 63)}g` }] }, "MALFORMED_DIGEST"],
    ["a digest of the wrong length", { artifacts: [{ name: "w", kind: "weights", digest: `sha256:${hex("a").slice(0, 60)}` }] }, "DIGEST_WRONG_LENGTH"],
    ["an unknown SPDX id", { components: [{ component: "datasets", included: true, license: "Apache-2" }] }, "UNKNOWN_LICENSE"],
    ["an expression that does not parse", { components: [{ component: "datasets", included: true, license: "(MIT AND" }] }, "BAD_LICENSE_EXPRESSION"],
    ["a bad registry reference", { links: ["ftp://mirror.example/lumen.bin"] }, "BAD_REFERENCE"],
    ["a custom license without details", { components: [{ component: "final-parameters", included: true, license: "LicenseRef-lumen" }] }, "CUSTOM_LICENSE_NEEDS_DETAILS"],
  ];
  it.each(badInputs)("refuses %s with a specific error and writes nothing", async (_what, overrides, code) => {
    const { space, member } = await lumenSpace();
    const before = await snapshot(space.id);
    const result = await proposeRelease(member, proposal(space.slug, overrides));
    expect(result).toMatchObject({ ok: false, error: { code, kind: "invalid" } });
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("refuses a duplicate version (DUPLICATE_VERSION, 409) and writes nothing", async () => {
    const { space, member } = await lumenSpace();
    await proposeRelease(member, proposal(space.slug));
    const before = await snapshot(space.id);
    const again = await proposeRelease(member, proposal(space.slug, { summary: "again" }));
    expect(again).toMatchObject({ ok: false, error: { code: "DUPLICATE_VERSION", kind: "conflict" } });
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("refuses a non-member (FORBIDDEN) and writes nothing", async () => {
    const { space, outsider } = await lumenSpace();
    const before = await snapshot(space.id);
    await expect(proposeRelease(outsider, proposal(space.slug))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(proposeRelease(null, proposal(space.slug))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("hides releases of a private space from outsiders", async () => {
    const { space, member, outsider } = await lumenSpace("private");
    const created = await proposeRelease(member, proposal(space.slug));
    if (!created.ok) throw new Error("setup");
    await expect(viewRelease(outsider, created.data.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(spaceReleases(outsider, space.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(transitionRelease(outsider, { releaseId: created.data.id, to: "withdrawn", note: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("editRelease", () => {
  it("fixing a component's license changes the class, with a release.edited event saying so", async () => {
    const { space, member } = await lumenSpace();
    const base = proposal(space.slug);
    const created = await proposeRelease(member, {
      ...base,
      components: [
        { component: "model-architecture", included: true, license: "Apache-2.0" },
        { component: "final-parameters", included: true, license: "Apache-2.0" },
        { component: "technical-report", included: true, license: "CC-BY-4.0" },
        { component: "evaluation-results", included: true, license: "CC-BY-4.0" },
        { component: "model-card", included: true, license: "CC-BY-4.0" },
        { component: "sample-outputs", included: true, license: "CC-BY-4.0" },
        { component: "data-card", included: true, license: null },
      ],
    });
    if (!created.ok) throw new Error("setup");
    const components = (await viewRelease(member, created.data.id)).release.components.map((c) => (c.component === "data-card" ? { ...c, license: "CC-BY-4.0" } : c));
    const edited = await editRelease(member, updateReleaseInput.parse({ releaseId: created.data.id, components }));
    expect(edited).toMatchObject({ ok: true, data: { changed: ["components"] } });
    const row = await db.releaseComponent.findFirstOrThrow({ where: { releaseId: created.data.id, component: "data-card" } });
    expect(row.license).toBe("CC-BY-4.0");
    const [event] = await eventsFor({ spaceId: space.id, type: "release.edited" });
    expect(event).toMatchObject({ subject: { releaseId: created.data.id }, data: { changed: ["components"], mofClass: { from: null, to: 3 } } });
  });

  it("records nothing when nothing changed", async () => {
    const { space, member } = await lumenSpace();
    const created = await proposeRelease(member, proposal(space.slug));
    if (!created.ok) throw new Error("setup");
    const before = await snapshot(space.id);
    expect(await editRelease(member, updateReleaseInput.parse({ releaseId: created.data.id, summary: "Lumen 7B, **second** generation." }))).toMatchObject({ ok: true, data: { changed: [] } });
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("refuses a version that already exists, and a bad digest, changing nothing", async () => {
    const { space, member } = await lumenSpace();
    await proposeRelease(member, proposal(space.slug, { version: "1.0" }));
    const created = await proposeRelease(member, proposal(space.slug));
    if (!created.ok) throw new Error("setup");
    const before = await snapshot(space.id);
    expect(await editRelease(member, updateReleaseInput.parse({ releaseId: created.data.id, version: "1.0" }))).toMatchObject({ ok: false, error: { code: "DUPLICATE_VERSION" } });
    expect(
      await editRelease(member, updateReleaseInput.parse({ releaseId: created.data.id, artifacts: [{ name: "w", kind: "weights", digest: "sha256:abc" }] })),
    ).toMatchObject({ ok: false, error: { code: "DIGEST_WRONG_LENGTH" } });
    expect(await snapshot(space.id)).toEqual(before);
  });
});

describe("transitionRelease", () => {
  it("sends a draft for review: status and a release.submitted event", async () => {
    const { space, member } = await lumenSpace();
    const created = await proposeRelease(member, proposal(space.slug));
    if (!created.ok) throw new Error("setup");
    const moved = await transitionRelease(member, { releaseId: created.data.id, to: "in_review", note: "" });
    expect(moved).toMatchObject({ ok: true, data: { from: "draft", to: "in_review" } });
    expect((await db.release.findUniqueOrThrow({ where: { id: created.data.id } })).status).toBe("in_review");
    const events = await eventsFor({ spaceId: space.id, type: "release.submitted" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: member.id, subject: { releaseId: created.data.id }, data: { from: "draft", to: "in_review" } });
  });

  it("refuses voting by hand, pointing at a release decision, and changes nothing", async () => {
    const { space, owner, member } = await lumenSpace();
    const created = await proposeRelease(member, proposal(space.slug));
    if (!created.ok) throw new Error("setup");
    await transitionRelease(member, { releaseId: created.data.id, to: "in_review", note: "" });
    const before = await snapshot(space.id);
    const refused = await transitionRelease(owner, { releaseId: created.data.id, to: "voting", note: "" });
    expect(refused).toMatchObject({ ok: false, error: { code: "VOTE_THROUGH_DECISION", kind: "rule" } });
    if (!refused.ok) expect(refused.error.message).toMatch(/release decision/);
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("refuses review without artifacts, approval by hand, and publishing by a member; nothing changes", async () => {
    const { space, member, steward } = await lumenSpace();
    const created = await proposeRelease(member, proposal(space.slug, { artifacts: [] }));
    if (!created.ok) throw new Error("setup");
    const before = await snapshot(space.id);
    expect(await transitionRelease(member, { releaseId: created.data.id, to: "in_review", note: "" })).toMatchObject({ ok: false, error: { code: "NO_ARTIFACTS" } });
    expect(await transitionRelease(steward, { releaseId: created.data.id, to: "approved", note: "" })).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
    await expect(transitionRelease(member, { releaseId: created.data.id, to: "published", note: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("withdraws a draft, keeping the trimmed reason in the record event", async () => {
    const { space, member } = await lumenSpace();
    const created = await proposeRelease(member, proposal(space.slug, { links: [`hf://lumen-collective/lumen-7b@${commit}`] }));
    if (!created.ok) throw new Error("setup");
    expect(await transitionRelease(member, { releaseId: created.data.id, to: "withdrawn", note: "Superseded", reason: "  Superseded by 2.1  " })).toMatchObject({ ok: true });
    const [event] = await eventsFor({ spaceId: space.id, type: "release.withdrawn" });
    expect(event?.data).toEqual({ from: "draft", to: "withdrawn", note: "Superseded", reason: "Superseded by 2.1" });
  });
});
