// The decisions module's effects on releases, the freeze while voting, publication gates and the manifest.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyLicenseOutcome, applyReleaseOutcome, cancelReleaseVote, startReleaseVote } from "@/lib/releases/effects";
import { getReleaseSummary } from "@/lib/releases/data";
import { updateReleaseInput } from "@/lib/releases/schema";
import { editRelease } from "@/lib/releases/use-cases/edit-release";
import { transitionRelease } from "@/lib/releases/use-cases/transition-release";
import { proposeRelease } from "@/lib/releases/use-cases/propose-release";
import { releaseManifest } from "@/lib/releases/use-cases/release-manifest";
import { eventsFor } from "@/test/support/factories";
import { commit, hex, lumenSpace, proposal, snapshot } from "./helpers";

async function inReview() {
  const ctx = await lumenSpace();
  const created = await proposeRelease(ctx.member, proposal(ctx.space.slug));
  if (!created.ok) throw new Error("setup");
  const moved = await transitionRelease(ctx.member, { releaseId: created.data.id, to: "in_review", note: "" });
  if (!moved.ok) throw new Error("setup");
  const decision = await db.decision.create({
    data: {
      spaceId: ctx.space.id,
      title: "Release lumen-7b 2.0",
      kind: "release",
      method: "apache-consensus",
      releaseId: created.data.id,
      charterVersion: 1,
      eligibility: [],
      eligibilityHash: "0".repeat(64),
      opensAt: new Date(),
      closesAt: new Date(Date.now() + 72 * 3600_000),
      createdById: ctx.steward.id,
    },
  });
  return { ...ctx, releaseId: created.data.id, decisionId: decision.id };
}

const openVote = (releaseId: string, decisionId: string, actorId: string) => db.$transaction((tx) => startReleaseVote(tx, { releaseId, decisionId, actorId }));

describe("startReleaseVote", () => {
  it("moves in_review to voting, freezes the sorted digests, and records release.voting_opened", async () => {
    const { space, steward, releaseId, decisionId } = await inReview();
    const result = await openVote(releaseId, decisionId, steward.id);
    const digests = [`sha256:${hex("a")}`, `sha256:${hex("b")}`, `sha256:${hex("c")}`];
    expect(result).toEqual({ ok: true, data: { votedDigests: digests } });
    expect(await db.release.findUniqueOrThrow({ where: { id: releaseId } })).toMatchObject({ status: "voting", votedDigests: digests });
    const [event] = await eventsFor({ spaceId: space.id, type: "release.voting_opened" });
    expect(event?.subject).toEqual({ releaseId, decisionId });
    expect(await getReleaseSummary(releaseId)).toMatchObject({ status: "voting", artifactDigests: digests, spaceId: space.id });
  });

  it("refuses a release that is not in review (RELEASE_NOT_IN_REVIEW) and changes nothing", async () => {
    const { space, member } = await lumenSpace();
    const created = await proposeRelease(member, proposal(space.slug));
    if (!created.ok) throw new Error("setup");
    const before = await snapshot(space.id);
    expect(await openVote(created.data.id, "d1", member.id)).toMatchObject({ ok: false, error: { code: "RELEASE_NOT_IN_REVIEW", kind: "rule" } });
    expect(await snapshot(space.id)).toEqual(before);
  });
});

describe("while voting", () => {
  it("refuses an artifact change (ARTIFACTS_FROZEN) and changes nothing; text still edits", async () => {
    const { space, member, steward, releaseId, decisionId } = await inReview();
    await openVote(releaseId, decisionId, steward.id);
    const before = await snapshot(space.id);
    const refused = await editRelease(
      member,
      updateReleaseInput.parse({ releaseId, artifacts: [{ name: "model.safetensors", kind: "weights", digest: `sha256:${hex("d")}` }] }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "ARTIFACTS_FROZEN" } });
    expect(await snapshot(space.id)).toEqual(before);
    expect(await transitionRelease(member, { releaseId, to: "withdrawn", note: "" })).toMatchObject({ ok: false, error: { code: "VOTE_OPEN" } });
    expect(await snapshot(space.id)).toEqual(before);
  });

  it("a cancelled vote returns the release to review", async () => {
    const { space, steward, releaseId, decisionId } = await inReview();
    await openVote(releaseId, decisionId, steward.id);
    await db.$transaction((tx) => cancelReleaseVote(tx, { releaseId, decisionId, actorId: steward.id }));
    expect(await db.release.findUniqueOrThrow({ where: { id: releaseId } })).toMatchObject({ status: "in_review", votedDigests: [] });
    expect(await eventsFor({ spaceId: space.id, type: "release.voting_cancelled" })).toHaveLength(1);
  });

  it("a licensing outcome sets the component license with its event", async () => {
    const { space, releaseId, decisionId } = await inReview();
    await db.$transaction((tx) => applyLicenseOutcome(tx, { releaseId, component: "datasets", license: "cc-by-4.0", decisionId, actorId: null }));
    expect(await db.releaseComponent.findFirstOrThrow({ where: { releaseId, component: "datasets" } })).toMatchObject({ included: true, license: "CC-BY-4.0" });
    const [event] = await eventsFor({ spaceId: space.id, type: "release.license_decided" });
    expect(event).toMatchObject({ subject: { releaseId, decisionId }, data: { component: "datasets", license: "CC-BY-4.0" } });
  });
});

describe("approval, publication and the manifest", () => {
  it("publishes only once links are pinned, records the references, and the manifest cites the decision", async () => {
    const { space, member, steward, releaseId, decisionId } = await inReview();
    await openVote(releaseId, decisionId, steward.id);
    await db.$transaction(async (tx) => {
      await tx.decision.update({ where: { id: decisionId }, data: { status: "closed", closedAt: new Date(), outcome: { status: "passed", explanation: "Passed: 3 binding +1." } } });
      await applyReleaseOutcome(tx, { releaseId, decisionId, passed: true, actorId: null });
    });
    expect((await db.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("approved");
    const [approval] = await eventsFor({ spaceId: space.id, type: "release.approved" });
    expect(approval?.subject).toEqual({ releaseId, decisionId });

    // The OCI tag is mutable: publication is refused and nothing changes.
    const before = await snapshot(space.id);
    expect(await transitionRelease(steward, { releaseId, to: "published", note: "" })).toMatchObject({ ok: false, error: { code: "UNPINNED_REFERENCE" } });
    expect(await snapshot(space.id)).toEqual(before);

    // Links stay editable after approval; pinning them lets the steward publish.
    const pinned = [`hf://lumen-collective/lumen-7b@${commit}`, `ghcr.io/lumen-collective/lumen-7b@sha256:${hex("e")}`];
    expect(await editRelease(member, updateReleaseInput.parse({ releaseId, links: pinned }))).toMatchObject({ ok: true, data: { changed: ["registry links"] } });
    const published = await transitionRelease(steward, { releaseId, to: "published", note: "" });
    expect(published).toMatchObject({ ok: true, data: { to: "published" } });
    const row = await db.release.findUniqueOrThrow({ where: { id: releaseId } });
    expect(row.status).toBe("published");
    expect(row.publishedAt).not.toBeNull();
    const [publication] = await eventsFor({ spaceId: space.id, type: "release.published" });
    expect((publication?.data as { registry: Array<{ reference: string; pinned: boolean }> }).registry.every((r) => r.pinned)).toBe(true);

    const manifest = await releaseManifest(null, releaseId);
    expect(manifest).toMatchObject({
      approved: true,
      digestsMatchVote: true,
      decision: { id: decisionId, outcome: "passed" },
      record: { approval: { hash: approval?.hash }, publication: { hash: publication?.hash } },
    });
    expect(manifest.digests).toHaveLength(3);
  });

  it("refuses publication when the digests changed after the vote (DIGESTS_CHANGED)", async () => {
    const { space, steward, releaseId, decisionId } = await inReview();
    await openVote(releaseId, decisionId, steward.id);
    await db.$transaction((tx) => applyReleaseOutcome(tx, { releaseId, decisionId, passed: true, actorId: null }));
    await db.registryLink.updateMany({ where: { releaseId }, data: { pinned: true } });
    // Simulates bytes swapped behind governance's back (the app itself refuses this edit).
    await db.artifact.updateMany({ where: { releaseId, name: "config.json" }, data: { digest: `sha256:${hex("f")}` } });
    const before = await snapshot(space.id);
    expect(await transitionRelease(steward, { releaseId, to: "published", note: "" })).toMatchObject({ ok: false, error: { code: "DIGESTS_CHANGED" } });
    expect(await snapshot(space.id)).toEqual(before);
    expect((await releaseManifest(null, releaseId)).approved).toBe(false);
  });

  it("a rejected vote records release.rejected", async () => {
    const { space, steward, releaseId, decisionId } = await inReview();
    await openVote(releaseId, decisionId, steward.id);
    await db.$transaction((tx) => applyReleaseOutcome(tx, { releaseId, decisionId, passed: false, actorId: null }));
    expect((await db.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("rejected");
    expect(await eventsFor({ spaceId: space.id, type: "release.rejected" })).toHaveLength(1);
  });
});
