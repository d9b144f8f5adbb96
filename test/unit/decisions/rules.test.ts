// Decision rules: method and parameters within the charter, options, eligibility hash, gate and projection.
import { describe, expect, it } from "vitest";
import { defaultCharter } from "@/lib/charter/rules";
import type { MethodParams } from "@/lib/decisions/methods/types";
import { buildOptions, checkReachable, closingOutcome, eligibilityHash, projectionSentence, resolveMethod } from "@/lib/decisions/rules";

const charter = defaultCharter();

describe("resolveMethod", () => {
  it.each([
    ["release defaults to the charter's Apache vote", "release", {}, { ok: true, value: { method: "apache-release", params: { minPlusOnes: 3 } } }],
    ["licensing defaults to yes-no with the charter's quorum and 2/3", "licensing", {}, { ok: true, value: { method: "yes-no", params: { quorum: { type: "share", value: 0.5 }, threshold: 2 / 3 } } }],
    ["a stricter +1 count is allowed", "release", { minPlusOnes: 5 }, { ok: true, value: { params: { minPlusOnes: 5 } } }],
    ["a looser +1 count is refused", "release", { minPlusOnes: 2 }, { ok: false, code: "MIN_PLUS_ONES_BELOW_CHARTER" }],
    ["a lower threshold is refused", "policy", { threshold: 0.4 }, { ok: false, code: "THRESHOLD_BELOW_CHARTER" }],
    ["a smaller quorum is refused", "policy", { quorum: { type: "share", value: 0.3 } }, { ok: false, code: "QUORUM_BELOW_CHARTER" }],
    ["removing the quorum is refused", "policy", { quorum: null }, { ok: false, code: "QUORUM_BELOW_CHARTER" }],
    ["a release may not switch method", "release", { method: "yes-no" }, { ok: false, code: "METHOD_NOT_ALLOWED" }],
    ["an option method needs options", "licensing", { method: "irv" }, { ok: false, code: "INVALID_OPTIONS" }],
    ["licensing may rank options", "licensing", { method: "irv", options: [{ id: "a", label: "MIT" }, { id: "b", label: "Apache-2.0" }] }, { ok: true, value: { method: "irv" } }],
    ["options on a yes-no vote are refused", "policy", { options: [{ id: "a", label: "A" }, { id: "b", label: "B" }] }, { ok: false, code: "OPTIONS_NOT_USED" }],
  ] as const)("%s", (_name, kind, request, expected) => {
    expect(resolveMethod({ kind, rule: charter.decisions[kind], request: request as never })).toMatchObject(expected);
  });
});

describe("buildOptions", () => {
  it("normalises SPDX expressions for licensing and derives ids", () => {
    expect(buildOptions({ kind: "licensing", options: [{ label: "cc-by-4.0" }, { label: "mit or apache-2.0" }] })).toEqual({
      ok: true,
      value: [
        { id: "cc-by-4.0", label: "CC-BY-4.0" },
        { id: "mit-or-apache-2.0", label: "MIT OR Apache-2.0" },
      ],
    });
  });
  it("refuses a non-SPDX licensing option and duplicates", () => {
    expect(buildOptions({ kind: "licensing", options: [{ label: "Bogus License" }] })).toMatchObject({ ok: false, code: "INVALID_LICENSE" });
    expect(buildOptions({ kind: "policy", options: [{ label: "A" }, { label: "A" }] })).toMatchObject({ ok: false, code: "INVALID_OPTIONS" });
  });
});

describe("eligibilityHash", () => {
  it("does not depend on the order of voters", () => {
    const a = [{ userId: "u2", binding: false }, { userId: "u1", binding: true }];
    expect(eligibilityHash(a)).toBe(eligibilityHash([...a].reverse()));
    expect(eligibilityHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(eligibilityHash(a)).not.toBe(eligibilityHash([{ userId: "u1", binding: true }]));
  });
});

describe("closingOutcome", () => {
  const voters = ["a", "b", "c"].map((userId) => ({ userId, binding: true }));
  const ballots = voters.map((v) => ({ userId: v.userId, choice: "+1", castAt: new Date(0) }));
  it("passes an Apache vote with 3 binding +1", () => {
    expect(closingOutcome({ method: "apache-release", params: { minPlusOnes: 3 }, voters, ballots, closedBy: "deadline" })).toMatchObject({
      status: "passed",
      explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed.",
      closedBy: "deadline",
      applied: [],
    });
  });
  it("fails a passing release vote while the audits gate blocks, saying why", () => {
    const outcome = closingOutcome({ method: "apache-release", params: { minPlusOnes: 3 }, voters, ballots, closedBy: "early", gate: { blocked: true, reasons: [{ code: "BLOCKING_FINDING", message: "An open high finding blocks it." }] } });
    expect(outcome.status).toBe("failed");
    expect(outcome.explanation).toBe("Failed: the vote passed (3 binding +1, 0 binding -1; 3 needed) but the audits gate blocks the release: An open high finding blocks it.");
  });
});

describe("projectionSentence", () => {
  it("says what would happen if it closed now", () => {
    const outcome = closingOutcome({ method: "apache-release", params: { minPlusOnes: 3 }, voters: [{ userId: "a", binding: true }], ballots: [], closedBy: "deadline" });
    expect(projectionSentence(outcome)).toBe("If it closed now: fails because 0 binding +1, 0 binding -1; 3 needed.");
  });
});

describe("checkReachable", () => {
  const voters = [
    { userId: "a", binding: true },
    { userId: "b", binding: true },
    { userId: "c", binding: true },
    { userId: "d", binding: true },
    { userId: "e", binding: false },
  ];

  it.each([
    ["yes-no", { quorum: { type: "count" as const, value: 5 } }, "QUORUM_UNREACHABLE", "A quorum of 5 binding voters can never be reached: 4 binding voters are eligible."],
    ["apache-release", { minPlusOnes: 5 }, "MIN_PLUS_ONES_UNREACHABLE", "5 binding +1 votes can never be reached: 4 binding voters are eligible."],
    ["apache-consensus", { minPlusOnes: 1e6 }, "MIN_PLUS_ONES_UNREACHABLE", "1000000 binding +1 votes can never be reached: 4 binding voters are eligible."],
  ] as const)("%s with %j is refused", (method, params, code, message) => {
    expect(checkReachable({ method, params, voters })).toEqual({ ok: false, code, message });
  });

  it.each([
    ["yes-no", { quorum: { type: "count" as const, value: 4 } }],
    ["yes-no", { quorum: { type: "share" as const, value: 1 } }],
    ["apache-release", { minPlusOnes: 4 }],
    // Silence is consent in lazy consensus: a quorum there is never counted, so it cannot block.
    ["lazy-consensus", { quorum: { type: "count" as const, value: 50 } }],
    ["plurality", { quorum: { type: "count" as const, value: 4 }, options: [{ id: "x", label: "X" }, { id: "y", label: "Y" }] }],
  ] as const)("%s with %j can be reached", (method, params) => {
    expect(checkReachable({ method, params: structuredClone(params) as MethodParams, voters })).toEqual({ ok: true, value: true });
  });

  it("counts only binding voters, and says so in the singular", () => {
    expect(checkReachable({ method: "apache-release", params: { minPlusOnes: 3 }, voters: voters.slice(3) })).toEqual({
      ok: false,
      code: "MIN_PLUS_ONES_UNREACHABLE",
      message: "3 binding +1 votes can never be reached: 1 binding voter is eligible.",
    });
  });
});
