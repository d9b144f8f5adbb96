import { describe, expect, it } from "vitest";
import { tally } from "@/lib/decisions/methods/tally";
import type { DecisionOption, MethodParams, OutcomeStatus } from "@/lib/decisions/methods/types";
import { type Cast, electorate, many, releaseOptions, silentVoters } from "@/test/unit/decisions/fixtures";

type Case = {
  name: string;
  casts: Cast[];
  params?: MethodParams;
  status: OutcomeStatus;
  winner?: string;
  counts: Record<string, number>;
  explanation?: string;
};

const reversed: DecisionOption[] = [...releaseOptions].reverse();

function run(method: "plurality" | "approval", { casts, params }: Pick<Case, "casts" | "params">) {
  const { voters, ballots } = electorate(casts, silentVoters(3));
  return tally({ method, params: params ?? { options: releaseOptions }, voters, ballots });
}

describe("plurality", () => {
  it.each<Case>([
    {
      name: "most first choices wins",
      casts: [...many(3, "opt_ship", { prefix: "usr_a" }), ...many(1, "opt_audit", { prefix: "usr_b" })],
      status: "passed",
      winner: "opt_ship",
      counts: { opt_ship: 3, opt_audit: 1, opt_drop: 0 },
      explanation: 'Passed: "Ship v2.1 weights" won with 3 of 4 binding votes.',
    },
    {
      name: "a tie goes to the option listed first",
      casts: [...many(2, "opt_drop", { prefix: "usr_a" }), ...many(2, "opt_audit", { prefix: "usr_b" })],
      status: "passed",
      winner: "opt_audit",
      counts: { opt_ship: 0, opt_audit: 2, opt_drop: 2 },
      explanation:
        'Passed: "Hold for a red-team audit" and "Drop the release" tied with 2 binding votes each; the tie was broken by option order in favour of "Hold for a red-team audit".',
    },
    {
      name: "the same tie with options reversed",
      casts: [...many(2, "opt_drop", { prefix: "usr_a" }), ...many(2, "opt_audit", { prefix: "usr_b" })],
      params: { options: reversed },
      status: "passed",
      winner: "opt_drop",
      counts: { opt_ship: 0, opt_audit: 2, opt_drop: 2 },
    },
    {
      name: "advisory votes change nothing",
      casts: [...many(1, "opt_audit", { prefix: "usr_a" }), ...many(7, "opt_ship", { prefix: "usr_fan", binding: false })],
      status: "passed",
      winner: "opt_audit",
      counts: { opt_ship: 0, opt_audit: 1, opt_drop: 0 },
    },
    {
      name: "zero ballots",
      casts: [],
      status: "failed",
      counts: { opt_ship: 0, opt_audit: 0, opt_drop: 0 },
      explanation: "Failed: no binding votes were cast for any option.",
    },
    {
      name: "quorum just missed (2 of 5 binding, 3 needed)",
      casts: [...many(2, "opt_ship", { prefix: "usr_a" })],
      params: { options: releaseOptions, quorum: { type: "share", value: 0.6 } },
      status: "no-quorum",
      counts: { opt_ship: 2, opt_audit: 0, opt_drop: 0 },
      explanation: "No quorum: 2 binding voters voted; 3 needed.",
    },
    {
      name: "quorum just met (3 of 6 binding, 3 needed)",
      casts: [...many(3, "opt_ship", { prefix: "usr_a" })],
      params: { options: releaseOptions, quorum: { type: "share", value: 0.5 } },
      status: "passed",
      winner: "opt_ship",
      counts: { opt_ship: 3, opt_audit: 0, opt_drop: 0 },
    },
  ])("$name", (testCase) => {
    const outcome = run("plurality", testCase);
    expect(outcome.status).toBe(testCase.status);
    expect(outcome.winner).toBe(testCase.winner);
    expect(outcome.counts).toEqual(testCase.counts);
    if (testCase.explanation) expect(outcome.explanation).toBe(testCase.explanation);
  });

  it("counts advisory first choices separately", () => {
    const outcome = run("plurality", { casts: [{ user: "usr_guest", choice: "opt_drop", binding: false }] });
    expect(outcome.advisoryCounts).toEqual({ opt_ship: 0, opt_audit: 0, opt_drop: 1 });
    expect(outcome.status).toBe("failed");
  });
});

describe("approval", () => {
  it.each<Case>([
    {
      name: "most approvals wins",
      casts: [
        { user: "usr_ana", choice: ["opt_ship", "opt_audit"] },
        { user: "usr_ben", choice: ["opt_audit"] },
        { user: "usr_cho", choice: ["opt_audit", "opt_drop"] },
        { user: "usr_dev", choice: ["opt_ship"] },
      ],
      status: "passed",
      winner: "opt_audit",
      counts: { opt_ship: 2, opt_audit: 3, opt_drop: 1 },
      explanation: 'Passed: "Hold for a red-team audit" won with 3 binding approvals from 4 binding voters.',
    },
    {
      name: "a three-way tie goes to the option listed first",
      casts: [{ user: "usr_ana", choice: ["opt_drop", "opt_audit", "opt_ship"] }],
      status: "passed",
      winner: "opt_ship",
      counts: { opt_ship: 1, opt_audit: 1, opt_drop: 1 },
      explanation:
        'Passed: "Ship v2.1 weights", "Hold for a red-team audit" and "Drop the release" tied with 1 binding approval each; the tie was broken by option order in favour of "Ship v2.1 weights".',
    },
    {
      name: "all empty approvals fail",
      casts: many(3, [], { prefix: "usr_abs" }),
      status: "failed",
      counts: { opt_ship: 0, opt_audit: 0, opt_drop: 0 },
      explanation: "Failed: no binding approvals were cast for any option.",
    },
    {
      name: "empty approvals count toward quorum",
      casts: [...many(3, [], { prefix: "usr_abs" }), { user: "usr_ana", choice: ["opt_drop"] }],
      params: { options: releaseOptions, quorum: { type: "count", value: 4 } },
      status: "passed",
      winner: "opt_drop",
      counts: { opt_ship: 0, opt_audit: 0, opt_drop: 1 },
    },
    {
      name: "advisory approvals change nothing",
      casts: [{ user: "usr_ana", choice: ["opt_drop"] }, ...many(4, ["opt_ship"], { prefix: "usr_fan", binding: false })],
      status: "passed",
      winner: "opt_drop",
      counts: { opt_ship: 0, opt_audit: 0, opt_drop: 1 },
    },
    { name: "zero ballots", casts: [], status: "failed", counts: { opt_ship: 0, opt_audit: 0, opt_drop: 0 } },
  ])("$name", (testCase) => {
    const outcome = run("approval", testCase);
    expect(outcome.status).toBe(testCase.status);
    expect(outcome.winner).toBe(testCase.winner);
    expect(outcome.counts).toEqual(testCase.counts);
    if (testCase.explanation) expect(outcome.explanation).toBe(testCase.explanation);
  });
});
