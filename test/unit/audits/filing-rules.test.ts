import { describe, expect, it } from "vitest";
import { checkFilingDigests, checkReleaseAuditable, checkReviewComment } from "@/lib/audits/filing-rules";
import { allowedFindingTargets } from "@/lib/audits/transition-options";

const d = (c: string) => `sha256:${c.repeat(64)}`;
const release = [d("a"), d("b")];

describe("checkFilingDigests", () => {
  it.each([
    ["scope within the release, findings within scope", [d("a")], [[d("a")]], "ok"],
    ["the whole release", release, [[d("a"), d("b")]], "ok"],
    ["a scope digest from elsewhere", [d("a"), d("c")], [], "DIGEST_NOT_IN_RELEASE"],
    ["a finding on a digest from elsewhere", [d("a")], [[d("c")]], "DIGEST_NOT_IN_RELEASE"],
    ["a finding outside the scope", [d("a")], [[d("b")]], "DIGEST_OUT_OF_SCOPE"],
    ["a scope digest twice", [d("a"), d("a")], [], "DUPLICATE_DIGEST"],
  ])("%s -> %s", (_name, scopeDigests, affected, expected) => {
    const findings = affected.map((affectedDigests, i) => ({ title: `F${i}`, affectedDigests }));
    const check = checkFilingDigests({ scopeDigests, findings, releaseDigests: release });
    expect(check.ok ? "ok" : check.code).toBe(expected);
  });

  it("names the offending field", () => {
    const check = checkFilingDigests({ scopeDigests: [d("a")], findings: [{ title: "x", affectedDigests: [d("a"), d("c")] }], releaseDigests: release });
    expect(check).toMatchObject({ ok: false, field: "findings.0.affectedDigests.1" });
  });
});

describe("checkReleaseAuditable and checkReviewComment", () => {
  it.each([["draft", true], ["in_review", true], ["voting", true], ["published", true], ["withdrawn", false]])("%s auditable: %s", (status, ok) => {
    expect(checkReleaseAuditable(status).ok).toBe(ok);
  });
  it.each([
    ["accept", "", true],
    ["request_changes", " ", false],
    ["dispute", "", false],
    ["dispute", "Methodology flawed", true],
  ])("%s with %j -> %s", (verdict, comment, ok) => {
    expect(checkReviewComment({ verdict, comment }).ok).toBe(ok);
  });
});

describe("allowedFindingTargets", () => {
  it.each([
    ["open", "member", false, ["acknowledged", "mitigated"]],
    ["open", "steward", false, ["acknowledged", "mitigated", "accepted_risk", "wont_fix"]],
    ["mitigated", "member", false, []],
    ["mitigated", "auditor", false, ["verified", "acknowledged"]],
    ["verified", "owner", false, []],
    ["wont_fix", "member", true, ["open"]],
    ["wont_fix", "member", false, []],
  ] as const)("%s as %s (author %s) -> %j", (from, actorRole, isReportAuthor, expected) => {
    const space = { visibility: "public" as const, role: actorRole, mirrorOf: null };
    expect(allowedFindingTargets({ from, actor: { id: "u_viewer" }, space, authorId: isReportAuthor ? "u_viewer" : "u_ada" })).toEqual(expected);
  });
  it("offers nothing to a non-member", () => {
    expect(allowedFindingTargets({ from: "open", actor: { id: "u_viewer" }, space: { visibility: "public", role: null, mirrorOf: null }, authorId: "u_ada" })).toEqual([]);
  });
  it("offers nothing to an anonymous reader, even of a report's own findings", () => {
    expect(allowedFindingTargets({ from: "wont_fix", actor: null, space: { visibility: "public", role: null, mirrorOf: null }, authorId: "u_ada" })).toEqual([]);
  });
});
