import { describe, expect, it } from "vitest";
import { tally } from "@/lib/decisions/methods/tally";
import type { MethodParams, OutcomeStatus, VotingMethod } from "@/lib/decisions/methods/types";
import { type Cast, electorate, many, silentVoters } from "@/test/unit/decisions/fixtures";

type Case = { name: string; casts: Cast[]; params?: MethodParams; status: OutcomeStatus; explanation: string };

function run(method: VotingMethod, { casts, params = {} }: Pick<Case, "casts" | "params">) {
  const { voters, ballots } = electorate(casts, silentVoters(2));
  return tally({ method, params, voters, ballots });
}

const objection = (user: string, reason: string): Cast => ({ user, choice: "-1", reason });

describe("apache-release", () => {
  it.each<Case>([
    { name: "three +1 is enough", casts: many(3, "+1", { prefix: "usr_pmc" }), status: "passed", explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed." },
    { name: "two +1 is not", casts: many(2, "+1", { prefix: "usr_pmc" }), status: "failed", explanation: "Failed: 2 binding +1, 0 binding -1; 3 needed." },
    {
      name: "a -1 is not a veto",
      casts: [...many(4, "+1", { prefix: "usr_pmc" }), ...many(3, "-1", { prefix: "usr_skeptic" })],
      status: "passed",
      explanation: "Passed: 4 binding +1, 3 binding -1; 3 needed.",
    },
    {
      name: "+1 must outnumber -1",
      casts: [...many(4, "+1", { prefix: "usr_pmc" }), ...many(4, "-1", { prefix: "usr_skeptic" })],
      status: "failed",
      explanation: "Failed: 4 binding +1, 4 binding -1; binding +1 votes must outnumber binding -1 votes.",
    },
    {
      name: "0 votes are neutral",
      casts: [...many(3, "+1", { prefix: "usr_pmc" }), ...many(5, "0", { prefix: "usr_meh" })],
      status: "passed",
      explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed.",
    },
    {
      name: "advisory +1 do not help",
      casts: [...many(2, "+1", { prefix: "usr_pmc" }), ...many(6, "+1", { prefix: "usr_fan", binding: false })],
      status: "failed",
      explanation: "Failed: 2 binding +1, 0 binding -1; 3 needed.",
    },
    {
      name: "advisory -1 do not hurt",
      casts: [...many(3, "+1", { prefix: "usr_pmc" }), ...many(6, "-1", { prefix: "usr_critic", binding: false })],
      status: "passed",
      explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed.",
    },
    {
      name: "custom minimum",
      casts: many(1, "+1", { prefix: "usr_pmc" }),
      params: { minPlusOnes: 1 },
      status: "passed",
      explanation: "Passed: 1 binding +1, 0 binding -1; 1 needed.",
    },
    { name: "zero ballots", casts: [], status: "failed", explanation: "Failed: 0 binding +1, 0 binding -1; 3 needed." },
  ])("$name", (testCase) => {
    const outcome = run("apache-release", testCase);
    expect(outcome.status).toBe(testCase.status);
    expect(outcome.explanation).toBe(testCase.explanation);
    expect(outcome.vetoes).toBeUndefined();
  });

  it("keeps advisory counts apart", () => {
    const outcome = run("apache-release", {
      casts: [...many(3, "+1", { prefix: "usr_pmc" }), { user: "usr_guest", choice: "-1", binding: false }],
    });
    expect(outcome.counts).toEqual({ "+1": 3, "0": 0, "-1": 0 });
    expect(outcome.advisoryCounts).toEqual({ "+1": 0, "0": 0, "-1": 1 });
  });
});

describe("apache-consensus", () => {
  it.each<Case & { vetoes: Array<{ userId: string; reason: string }> }>([
    { name: "three +1, no vetoes", casts: many(3, "+1", { prefix: "usr_pmc" }), status: "passed", explanation: "Passed: 3 binding +1 and no vetoes; 3 needed.", vetoes: [] },
    { name: "not enough +1", casts: many(2, "+1", { prefix: "usr_pmc" }), status: "failed", explanation: "Failed: 2 binding +1 and no vetoes; 3 needed.", vetoes: [] },
    {
      name: "one binding -1 vetoes five +1",
      casts: [...many(5, "+1", { prefix: "usr_pmc" }), objection("usr_mara", "The eval suite skips the bio-risk probes.")],
      status: "failed",
      explanation: "Failed: vetoed by 1 binding -1 (5 binding +1).",
      vetoes: [{ userId: "usr_mara", reason: "The eval suite skips the bio-risk probes." }],
    },
    {
      name: "vetoes are listed in casting order",
      casts: [
        { ...objection("usr_zed", "License text is missing."), minute: 1 },
        ...many(3, "+1", { prefix: "usr_pmc" }).map((cast) => ({ ...cast, minute: 2 })),
        { ...objection("usr_abe", "Model card overstates benchmark results."), minute: 5 },
      ],
      status: "failed",
      explanation: "Failed: vetoed by 2 binding -1s (3 binding +1).",
      vetoes: [
        { userId: "usr_zed", reason: "License text is missing." },
        { userId: "usr_abe", reason: "Model card overstates benchmark results." },
      ],
    },
    {
      name: "an advisory -1 is not a veto",
      casts: [...many(3, "+1", { prefix: "usr_pmc" }), { user: "usr_guest", choice: "-1", binding: false, reason: "Too soon." }],
      status: "passed",
      explanation: "Passed: 3 binding +1 and no vetoes; 3 needed.",
      vetoes: [],
    },
    {
      name: "a veto without a reason still counts",
      casts: [...many(3, "+1", { prefix: "usr_pmc" }), { user: "usr_quiet", choice: "-1" }],
      status: "failed",
      explanation: "Failed: vetoed by 1 binding -1 (3 binding +1).",
      vetoes: [{ userId: "usr_quiet", reason: "" }],
    },
    { name: "zero ballots", casts: [], status: "failed", explanation: "Failed: 0 binding +1 and no vetoes; 3 needed.", vetoes: [] },
  ])("$name", (testCase) => {
    const outcome = run("apache-consensus", testCase);
    expect(outcome.status).toBe(testCase.status);
    expect(outcome.explanation).toBe(testCase.explanation);
    expect(outcome.vetoes).toEqual(testCase.vetoes);
  });
});

describe("lazy-consensus", () => {
  it.each<Case & { objections: number }>([
    { name: "zero ballots pass", casts: [], status: "passed", explanation: "Passed: no objections.", objections: 0 },
    {
      name: "support without objections",
      casts: [...many(2, "+1", { prefix: "usr_pmc" }), ...many(1, "0", { prefix: "usr_meh" })],
      status: "passed",
      explanation: "Passed: no binding objections (2 binding +1).",
      objections: 0,
    },
    {
      name: "a binding objection blocks",
      casts: [...many(8, "+1", { prefix: "usr_pmc" }), objection("usr_ines", "We have not heard from the safety WG.")],
      status: "failed",
      explanation: "Failed: 1 binding objection (-1).",
      objections: 1,
    },
    {
      name: "an advisory objection does not block",
      casts: [{ user: "usr_guest", choice: "-1", binding: false, reason: "I dislike it." }],
      status: "passed",
      explanation: "Passed: no binding objections (0 binding +1).",
      objections: 0,
    },
    {
      name: "quorum is ignored: silence is consent",
      casts: [],
      params: { quorum: { type: "count", value: 5 } },
      status: "passed",
      explanation: "Passed: no objections.",
      objections: 0,
    },
  ])("$name", (testCase) => {
    const outcome = run("lazy-consensus", testCase);
    expect(outcome.status).toBe(testCase.status);
    expect(outcome.explanation).toBe(testCase.explanation);
    expect(outcome.vetoes).toHaveLength(testCase.objections);
    expect(outcome.quorum).toBeUndefined();
  });
});

describe("apache methods with a quorum", () => {
  it.each<[VotingMethod, number, OutcomeStatus]>([
    ["apache-release", 3, "passed"],
    ["apache-release", 4, "no-quorum"],
    ["apache-consensus", 3, "passed"],
    ["apache-consensus", 4, "no-quorum"],
  ])("%s with a count quorum of %i and 3 binding ballots is %s", (method, needed, status) => {
    const outcome = run(method, { casts: many(3, "+1", { prefix: "usr_pmc" }), params: { quorum: { type: "count", value: needed } } });
    expect(outcome.status).toBe(status);
    expect(outcome.quorum).toEqual({ needed, reached: 3, met: status !== "no-quorum" });
  });
});
