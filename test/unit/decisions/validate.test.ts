import { describe, expect, it } from "vitest";
import type { MethodParams, VotingMethod } from "@/lib/decisions/methods/types";
import { methodLabels, votingMethods } from "@/lib/decisions/methods/types";
import { requiresReason, validateChoice, validateParams } from "@/lib/decisions/methods/validate";
import { releaseOptions } from "@/test/unit/decisions/fixtures";

const withOptions: MethodParams = { options: releaseOptions };

describe("validateChoice", () => {
  it.each<[VotingMethod, unknown, unknown]>([
    ["yes-no", "yes", "yes"],
    ["yes-no", "abstain", "abstain"],
    ["apache-release", "+1", "+1"],
    ["apache-consensus", "-1", "-1"],
    ["lazy-consensus", "0", "0"],
    ["plurality", "opt_audit", "opt_audit"],
    ["approval", [], []],
    ["approval", ["opt_ship", "opt_drop"], ["opt_ship", "opt_drop"]],
    ["irv", ["opt_drop", "opt_ship"], ["opt_drop", "opt_ship"]],
    ["schulze", ["opt_audit", "opt_ship", "opt_drop"], ["opt_audit", "opt_ship", "opt_drop"]],
  ])("%s accepts %j", (method, choice, value) => {
    expect(validateChoice(method, withOptions, choice)).toEqual({ ok: true, value });
  });

  it.each<[VotingMethod, unknown, string, string]>([
    ["yes-no", "maybe", "MALFORMED_CHOICE", "This is a yes/no vote: choose yes, no or abstain."],
    ["yes-no", true, "MALFORMED_CHOICE", "This is a yes/no vote: choose yes, no or abstain."],
    ["apache-release", 1, "MALFORMED_CHOICE", "This is an Apache-style vote: choose +1, 0 or -1."],
    ["apache-consensus", "yes", "MALFORMED_CHOICE", "This is an Apache-style vote: choose +1, 0 or -1."],
    ["lazy-consensus", "+2", "MALFORMED_CHOICE", "This is a lazy-consensus vote: choose +1, 0 or -1 (a -1 is an objection)."],
    ["plurality", ["opt_ship"], "MALFORMED_CHOICE", "This is a plurality vote: choose exactly one option."],
    ["plurality", "opt_x", "UNKNOWN_OPTION", "Option 'opt_x' is not one of this decision's options."],
    ["approval", "opt_ship", "MALFORMED_CHOICE", "This is an approval vote: send the list of option ids you approve (an empty list abstains)."],
    ["approval", ["opt_ship", "opt_ship"], "MALFORMED_CHOICE", "Option 'opt_ship' is approved more than once; list each option at most once."],
    ["approval", ["opt_moon"], "UNKNOWN_OPTION", "Option 'opt_moon' is not one of this decision's options."],
    ["irv", ["opt_ship", 3], "MALFORMED_CHOICE", "This is a ranked vote: send option ids in order of preference, most preferred first."],
    ["irv", ["opt_ship", "opt_drop", "opt_ship"], "DUPLICATE_RANK", "Option 'opt_ship' is ranked more than once; rank each option at most once."],
    ["schulze", ["opt_audit", "opt_x"], "UNKNOWN_OPTION", "Option 'opt_x' is not one of this decision's options."],
    ["schulze", { first: "opt_audit" }, "MALFORMED_CHOICE", "This is a ranked vote: send option ids in order of preference, most preferred first."],
    ["irv", [], "EMPTY_RANKING", "Rank at least one option; options you leave out come after the ones you rank."],
    ["schulze", [], "EMPTY_RANKING", "Rank at least one option; options you leave out come after the ones you rank."],
  ])("%s rejects %j with %s", (method, choice, code, message) => {
    expect(validateChoice(method, withOptions, choice)).toEqual({ ok: false, code, message });
  });

  it("accepts any non-empty id when a decision has no options", () => {
    expect(validateChoice("plurality", {}, "anything")).toEqual({ ok: true, value: "anything" });
    expect(validateChoice("irv", {}, ["x", ""])).toMatchObject({ ok: false, code: "MALFORMED_CHOICE" });
  });

  it("copies rankings so callers cannot mutate the validated value", () => {
    const ranking = ["opt_ship"];
    const result = validateChoice("irv", withOptions, ranking);
    ranking.push("opt_drop");
    expect(result).toEqual({ ok: true, value: ["opt_ship"] });
  });
});

describe("requiresReason", () => {
  it.each<[VotingMethod, unknown, boolean, boolean]>([
    ["apache-consensus", "-1", true, true],
    ["apache-consensus", "-1", false, false],
    ["apache-consensus", "+1", true, false],
    ["apache-consensus", "0", true, false],
    ["apache-release", "-1", true, false],
    ["lazy-consensus", "-1", true, false],
    ["yes-no", "no", true, false],
  ])("%s %j binding=%s → %s", (method, choice, binding, expected) => {
    expect(requiresReason(method, choice, binding)).toBe(expected);
  });
});

describe("validateParams", () => {
  it.each<[VotingMethod, MethodParams]>([
    ["yes-no", {}],
    ["yes-no", { threshold: 2 / 3, quorum: { type: "share", value: 0.5 } }],
    ["apache-release", { minPlusOnes: 3, quorum: { type: "count", value: 5 } }],
    ["schulze", { options: releaseOptions }],
  ])("%s accepts %j", (method, params) => {
    expect(validateParams(method, params)).toEqual({ ok: true, value: params });
  });

  it.each<[VotingMethod, MethodParams, string]>([
    ["yes-no", { quorum: { type: "share", value: 1.5 } }, "INVALID_QUORUM"],
    ["yes-no", { quorum: { type: "count", value: 2.5 } }, "INVALID_QUORUM"],
    ["yes-no", { quorum: { type: "count", value: Number.NaN } }, "INVALID_QUORUM"],
    ["yes-no", { threshold: 0 }, "INVALID_THRESHOLD"],
    ["yes-no", { threshold: 1.2 }, "INVALID_THRESHOLD"],
    ["apache-consensus", { minPlusOnes: 0 }, "INVALID_MIN_PLUS_ONES"],
    ["plurality", {}, "INVALID_OPTIONS"],
    ["approval", { options: releaseOptions.slice(0, 1) }, "INVALID_OPTIONS"],
    ["irv", { options: [...releaseOptions, { id: "opt_ship", label: "Again" }] }, "INVALID_OPTIONS"],
    ["irv", { options: [...releaseOptions, { id: "opt_blank", label: "  " }] }, "INVALID_OPTIONS"],
  ])("%s rejects %j with %s", (method, params, code) => {
    const result = validateParams(method, params);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? "" : result.message).toMatch(/\.$/);
  });
});

describe("method catalogue", () => {
  it("labels every method", () => {
    expect(votingMethods).toHaveLength(8);
    for (const method of votingMethods) expect(methodLabels[method].length).toBeGreaterThan(0);
  });
});
