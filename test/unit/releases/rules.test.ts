// Release proposal rules: digests, licenses, links, edit locks and who may ask for which status.
import { describe, expect, it } from "vitest";
import {
  allowedTransitions,
  checkEdit,
  checkWithdrawalReason,
  digestsChangedSinceVote,
  normalizeArtifacts,
  normalizeBaseModel,
  normalizeComponents,
  normalizeLinks,
  transitionAction,
  type NormalArtifact,
} from "@/lib/releases/rules";

const hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const commit = "4f1c0b8e2a7d9c3b5e6f7a8b9c0d1e2f3a4b5c6d";

describe("normalizeArtifacts", () => {
  it("lower-cases digests and accepts bare hex", () => {
    const result = normalizeArtifacts([
      { name: "model.safetensors", kind: "weights", digest: `SHA256:${hex.toUpperCase()}` },
      { name: "tokenizer.json", kind: "tokenizer", digest: hex, sizeBytes: 1843, uri: "https://huggingface.co/lumen/lumen-7b/blob/" + commit + "/tokenizer.json" },
    ]);
    expect(result.ok && result.value.map((a) => a.digest)).toEqual([`sha256:${hex}`, `sha256:${hex}`]);
    expect(result.ok && result.value[1]?.uri).toContain(commit);
  });

  it.each([
    ["a malformed digest", `sha256:${hex.slice(0, 63)}z`, "MALFORMED_DIGEST"],
    ["a digest of the wrong length", `sha256:${hex.slice(0, 40)}`, "DIGEST_WRONG_LENGTH"],
    ["an unsupported algorithm", `md5:${hex.slice(0, 32)}`, "MALFORMED_DIGEST"],
  ])("refuses %s with a specific code", (_what, digest, code) => {
    const result = normalizeArtifacts([{ name: "w", kind: "weights", digest }]);
    expect(result).toMatchObject({ ok: false, code, field: "artifacts.0.digest" });
  });

  it("refuses two artifacts with the same name", () => {
    const result = normalizeArtifacts([
      { name: "model.bin", kind: "weights", digest: hex },
      { name: "MODEL.bin", kind: "weights", digest: hex },
    ]);
    expect(result).toMatchObject({ ok: false, code: "DUPLICATE_ARTIFACT", field: "artifacts.1.name" });
  });
});

describe("normalizeComponents", () => {
  it("canonicalises SPDX case and keeps custom license details", () => {
    const result = normalizeComponents([
      { component: "training-code", included: true, license: "apache-2.0 or mit" },
      { component: "final-parameters", included: true, license: "LicenseRef-lumen-rail", licenseName: "Lumen RAIL", licenseUrl: "https://lumen.example/rail" },
    ]);
    expect(result.ok && result.value).toEqual([
      { component: "training-code", included: true, license: "Apache-2.0 OR MIT", licenseName: null, licenseUrl: null },
      { component: "final-parameters", included: true, license: "LicenseRef-lumen-rail", licenseName: "Lumen RAIL", licenseUrl: "https://lumen.example/rail" },
    ]);
  });

  it("refuses an unknown SPDX id and suggests the closest", () => {
    const result = normalizeComponents([{ component: "datasets", included: true, license: "CC-BY-4" }]);
    expect(result).toMatchObject({ ok: false, code: "UNKNOWN_LICENSE", field: "components.0.license" });
    expect(!result.ok && result.message).toMatch(/Did you mean/);
  });

  it("refuses an expression that does not parse", () => {
    expect(normalizeComponents([{ component: "datasets", included: true, license: "MIT AND OR Apache-2.0" }])).toMatchObject({ ok: false, code: "BAD_LICENSE_EXPRESSION" });
  });

  it("refuses a custom license without name and link, an unknown component, and duplicates", () => {
    expect(normalizeComponents([{ component: "datasets", included: true, license: "LicenseRef-mine" }])).toMatchObject({ ok: false, code: "CUSTOM_LICENSE_NEEDS_DETAILS" });
    expect(normalizeComponents([{ component: "vibes", included: true }])).toMatchObject({ ok: false, code: "UNKNOWN_COMPONENT" });
    expect(
      normalizeComponents([
        { component: "datasets", included: true },
        { component: "datasets", included: false },
      ]),
    ).toMatchObject({ ok: false, code: "DUPLICATE_COMPONENT" });
  });

  it("accepts an included component without a license (classification marks it failing)", () => {
    expect(normalizeComponents([{ component: "data-card", included: true, license: "  " }])).toMatchObject({ ok: true, value: [{ license: null }] });
  });
});

describe("normalizeLinks and normalizeBaseModel", () => {
  it("tells pinned from mutable references and drops duplicates", () => {
    const result = normalizeLinks([`hf://lumen-collective/lumen-7b@${commit}`, `https://huggingface.co/lumen-collective/lumen-7b/tree/${commit}`, "ghcr.io/lumen-collective/lumen-7b:latest", ""]);
    expect(result.ok && result.value.map((l) => [l.kind, l.pinned])).toEqual([
      ["huggingface", true],
      ["oci", false],
    ]);
  });

  it("refuses an unparseable reference", () => {
    expect(normalizeLinks(["http://example.com/model.bin"])).toMatchObject({ ok: false, code: "BAD_REFERENCE", field: "links.0" });
  });

  it("reads a model card's org/name as a Hugging Face reference", () => {
    expect(normalizeBaseModel("mistralai/Mistral-7B-v0.3")).toMatchObject({ ok: true, value: expect.stringMatching(/^hf:\/\/mistralai\/Mistral-7B-v0\.3/) });
    expect(normalizeBaseModel("")).toEqual({ ok: true, value: null });
  });
});

describe("digestsChangedSinceVote", () => {
  it("ignores order but not content", () => {
    expect(digestsChangedSinceVote(["sha256:b", "sha256:a"], ["sha256:a", "sha256:b"])).toBe(false);
    expect(digestsChangedSinceVote(["sha256:a"], ["sha256:a", "sha256:b"])).toBe(true);
    expect(digestsChangedSinceVote(["sha256:c", "sha256:a"], ["sha256:a", "sha256:b"])).toBe(true);
  });
});

describe("checkEdit", () => {
  const artifacts: NormalArtifact[] = [{ name: "w", kind: "weights", digest: `sha256:${hex}`, sizeBytes: null, uri: null }];
  const none = { identity: false, artifacts: false, components: false, links: false, text: false };
  it("allows everything in draft and in review", () => {
    expect(checkEdit({ status: "draft", changes: { ...none, artifacts: true }, current: { artifacts, components: [] }, next: { artifacts: [] } })).toEqual({ ok: true });
  });
  it("refuses an artifact change once voting opened (ARTIFACTS_FROZEN), but not the same artifacts resent", () => {
    const changed = [{ ...artifacts[0]!, digest: `sha256:${"0".repeat(64)}` }];
    expect(checkEdit({ status: "voting", changes: { ...none, artifacts: true }, current: { artifacts, components: [] }, next: { artifacts: changed } })).toMatchObject({ ok: false, code: "ARTIFACTS_FROZEN" });
    expect(checkEdit({ status: "voting", changes: { ...none, artifacts: true }, current: { artifacts, components: [] }, next: { artifacts } })).toEqual({ ok: true });
  });
  it("lets links change until publication so an approved release can be pinned", () => {
    expect(checkEdit({ status: "approved", changes: { ...none, links: true }, current: { artifacts, components: [] }, next: {} })).toEqual({ ok: true });
    expect(checkEdit({ status: "published", changes: { ...none, links: true }, current: { artifacts, components: [] }, next: {} })).toMatchObject({ ok: false, code: "RELEASE_LOCKED" });
  });
});

describe("transitionAction and allowedTransitions", () => {
  it("refuses voting by hand, pointing at release decisions", () => {
    expect(transitionAction("in_review", "voting")).toMatchObject({ ok: false, code: "VOTE_THROUGH_DECISION", message: expect.stringMatching(/release decision/) });
  });
  it("maps each status to its policy action", () => {
    expect(transitionAction("draft", "in_review")).toEqual({ ok: true, action: "release.submit" });
    expect(transitionAction("approved", "published")).toEqual({ ok: true, action: "release.publish" });
    expect(transitionAction("approved", "withdrawn")).toEqual({ ok: true, action: "release.publish" });
    expect(transitionAction("published", "yanked")).toEqual({ ok: true, action: "release.retire" });
    expect(transitionAction("voting", "withdrawn")).toMatchObject({ ok: false, code: "VOTE_OPEN" });
  });
  it.each([
    ["member", "the proposer", "draft", ["in_review", "withdrawn"]],
    ["member", "the proposer", "in_review", ["draft", "withdrawn"]],
    ["member", "the proposer", "rejected", ["draft", "withdrawn"]],
    ["member", "another member", "draft", []],
    ["member", "another member", "in_review", []],
    ["auditor", "another member", "draft", []],
    ["steward", "another member", "draft", ["in_review", "withdrawn"]],
    ["owner", "another member", "in_review", ["draft", "withdrawn"]],
    ["member", "the proposer", "approved", []],
    ["steward", "another member", "approved", ["published", "withdrawn"]],
    ["steward", "another member", "published", ["deprecated", "yanked"]],
    ["member", "the proposer", "published", []],
    ["owner", "another member", "voting", []],
  ] as const)("a %s when %s proposed it, on a %s release, sees %j", (role, proposer, status, expected) => {
    const proposerId = proposer === "the proposer" ? "u" : "someone-else";
    expect(allowedTransitions({ actor: { id: "u" }, status, space: { visibility: "public", role, mirrorOf: null }, proposerId })).toEqual(expected);
  });
  it("shows nothing to anonymous readers", () => {
    expect(allowedTransitions({ actor: null, status: "draft", space: { visibility: "public", role: null, mirrorOf: null }, proposerId: "u" })).toEqual([]);
  });
  it("shows nothing to a proposer who has left the space", () => {
    expect(allowedTransitions({ actor: { id: "u" }, status: "draft", space: { visibility: "public", role: null, mirrorOf: null }, proposerId: "u" })).toEqual([]);
  });
});

describe("checkWithdrawalReason", () => {
  it("asks nothing of other transitions", () => {
    expect(checkWithdrawalReason("in_review", undefined)).toEqual({ ok: true, value: null });
    expect(checkWithdrawalReason("draft", "")).toEqual({ ok: true, value: null });
  });
  it.each([undefined, "", "   \n\t "])("refuses a withdrawal without a reason (%j), naming the field", (reason) => {
    expect(checkWithdrawalReason("withdrawn", reason)).toEqual({
      ok: false,
      code: "REASON_REQUIRED",
      message: "Say why the release is withdrawn; the record keeps the reason.",
      field: "reason",
    });
  });
  it("keeps the trimmed reason", () => {
    expect(checkWithdrawalReason("withdrawn", "  Superseded by 2.1  ")).toEqual({ ok: true, value: "Superseded by 2.1" });
  });
  it("accepts 500 characters and refuses 501", () => {
    expect(checkWithdrawalReason("withdrawn", "x".repeat(500))).toMatchObject({ ok: true });
    expect(checkWithdrawalReason("withdrawn", "x".repeat(501))).toEqual({
      ok: false,
      code: "REASON_TOO_LONG",
      message: "The reason is limited to 500 characters; it has 501.",
      field: "reason",
    });
  });
});

describe("the rules' messages", () => {
  const refusals: Array<[string, { ok: boolean; message?: string }, string]> = [
    ["a malformed digest", normalizeArtifacts([{ name: "weights", kind: "weights", digest: "sha256:zz" }]), "For the artifact “weights”, a sha256 digest"],
    ["a bad artifact link", normalizeArtifacts([{ name: "weights", kind: "weights", digest: `sha256:${"a".repeat(64)}`, uri: "ftp://x/y" }]), "For the link of the artifact “weights”, "],
    ["two artifacts with one name", normalizeArtifacts([{ name: "w", kind: "weights", digest: `sha256:${"a".repeat(64)}` }, { name: "W", kind: "other", digest: `sha256:${"b".repeat(64)}` }]), "Two artifacts are named “W”"],
    ["an unknown component", normalizeComponents([{ component: "vibes", included: true }]), "The Model Openness Framework has no component called “vibes”."],
    ["a component twice", normalizeComponents([{ component: "datasets", included: true }, { component: "datasets", included: false }]), "Datasets is listed twice"],
    ["an unknown license", normalizeComponents([{ component: "final-parameters", included: true, license: "Apache-2" }]), "For the license of Model parameters (final), "],
    ["a custom license without details", normalizeComponents([{ component: "final-parameters", included: true, license: "LicenseRef-lumen" }]), "The license of Model parameters (final), LicenseRef-lumen, is a custom license"],
    ["a plain-http license link", normalizeComponents([{ component: "datasets", included: true, license: "LicenseRef-x", licenseName: "X", licenseUrl: "http://x.example" }]), "The license link of Datasets must be an https:// address."],
    ["a bad reference", normalizeLinks(["http://example.com/model.bin"]), "For the reference “http://example.com/model.bin”, plain http:// links"],
    ["a bad base model", normalizeBaseModel("ftp://x/y"), "For the base model, "],
  ];

  it.each(refusals)("words %s as a sentence that names the thing, not its id or field path", (_what, result, start) => {
    expect(result.ok).toBe(false);
    const message = result.message ?? "";
    expect(message.startsWith(start)).toBe(true);
    expect(message).toMatch(/[.?!]$/);
    // No component id ("final-parameters:") or field path ("components.0.license") in what a person reads.
    expect(message).not.toMatch(/\b(?:artifacts|components|links)\.\d|final-parameters|^[a-z-]+:/);
  });
});
