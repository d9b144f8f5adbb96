// The release manifest says "approved" only for a passed vote on exactly the current digests.
import { describe, expect, it } from "vitest";
import { buildManifest, type ManifestInput } from "@/lib/releases/manifest";

const a = `sha256:${"a".repeat(64)}`;
const b = `sha256:${"b".repeat(64)}`;

function input(overrides: Partial<ManifestInput["release"]> = {}, decision: ManifestInput["decision"] = null): ManifestInput {
  return {
    release: {
      id: "rel1",
      modelName: "lumen-7b",
      version: "2.0",
      status: "approved",
      publishedAt: null,
      votingOpenedAt: new Date("2025-01-01T00:00:00Z"),
      votedDigests: [b, a],
      space: { slug: "lumen" },
      artifacts: [
        { name: "model.safetensors", kind: "weights", digest: b, sizeBytes: BigInt(14_000_000_000), uri: null },
        { name: "tokenizer.json", kind: "tokenizer", digest: a, sizeBytes: null, uri: null },
      ],
      components: [
        { component: "final-parameters", included: true, license: "Apache-2.0", licenseName: null, licenseUrl: null },
        { component: "datasets", included: false, license: null, licenseName: null, licenseUrl: null },
      ],
      links: [{ kind: "huggingface", reference: "hf://lumen/lumen-7b@" + "1".repeat(40), pinned: true }],
      ...overrides,
    },
    decision,
    events: [{ type: "release.approved", hash: "f".repeat(64), createdAt: new Date("2025-01-04T00:00:00Z") }],
  };
}

const passed = { id: "dec1", outcome: { status: "passed", explanation: "Passed: 4 binding +1." }, closedAt: new Date("2025-01-04T00:00:00Z") };

describe("buildManifest", () => {
  it("states approval with sorted digests, licenses of included components, the decision and the record hash", () => {
    const m = buildManifest(input({}, passed));
    expect(m.approved).toBe(true);
    expect(m.digests).toEqual([a, b]);
    expect(m.digestsMatchVote).toBe(true);
    expect(m.licenses).toEqual([{ component: "final-parameters", license: "Apache-2.0" }]);
    expect(m.decision).toEqual({ id: "dec1", outcome: "passed", explanation: "Passed: 4 binding +1.", closedAt: "2025-01-04T00:00:00.000Z" });
    expect(m.record.approval?.hash).toBe("f".repeat(64));
    expect(m.artifacts[0]?.sizeBytes).toBe(14_000_000_000);
  });

  it("is not approved without a passed decision, or when digests drifted from the vote", () => {
    expect(buildManifest(input()).approved).toBe(false);
    expect(buildManifest(input({}, { ...passed, outcome: { status: "failed" } })).approved).toBe(false);
    const drifted = buildManifest(input({ votedDigests: [a] }, passed));
    expect(drifted.approved).toBe(false);
    expect(drifted.digestsMatchVote).toBe(false);
  });

  it("is not approved for a draft", () => {
    expect(buildManifest(input({ status: "draft", votedDigests: [] }, null))).toMatchObject({ approved: false, decision: null, votedDigests: [] });
  });
});
