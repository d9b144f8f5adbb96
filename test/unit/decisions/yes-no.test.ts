import { describe, expect, it } from "vitest";
import { tally } from "@/lib/decisions/methods/tally";
import type { MethodParams, OutcomeStatus } from "@/lib/decisions/methods/types";
import { meetsThreshold } from "@/lib/decisions/methods/yes-no";
import { electorate, many, silentVoters } from "@/test/unit/decisions/fixtures";

type Case = {
  name: string;
  yes: number;
  no: number;
  abstain: number;
  silent?: number;
  advisory?: { yes?: number; no?: number };
  params?: MethodParams;
  status: OutcomeStatus;
  quorum?: { needed: number; reached: number; met: boolean };
};

function run({ yes, no, abstain, silent = 0, advisory = {}, params = {} }: Case) {
  const { voters, ballots } = electorate(
    [
      ...many(yes, "yes", { prefix: "usr_yes" }),
      ...many(no, "no", { prefix: "usr_no" }),
      ...many(abstain, "abstain", { prefix: "usr_abs" }),
      ...many(advisory.yes ?? 0, "yes", { prefix: "usr_adv_yes", binding: false }),
      ...many(advisory.no ?? 0, "no", { prefix: "usr_adv_no", binding: false }),
    ],
    silentVoters(silent),
  );
  return tally({ method: "yes-no", params, voters, ballots });
}

describe("yes-no", () => {
  it.each<Case>([
    { name: "simple majority", yes: 3, no: 1, abstain: 0, status: "passed" },
    { name: "a tie is not a simple majority", yes: 2, no: 2, abstain: 1, status: "failed" },
    { name: "one vote over half", yes: 3, no: 2, abstain: 0, status: "passed" },
    { name: "abstentions do not count against", yes: 1, no: 0, abstain: 6, status: "passed" },
    { name: "exactly two-thirds meets 2/3", yes: 2, no: 1, abstain: 0, params: { threshold: 2 / 3 }, status: "passed" },
    { name: "60% misses 2/3", yes: 3, no: 2, abstain: 0, params: { threshold: 2 / 3 }, status: "failed" },
    { name: "exactly 60% meets 0.6", yes: 3, no: 2, abstain: 0, params: { threshold: 0.6 }, status: "passed" },
    { name: "all abstain", yes: 0, no: 0, abstain: 3, status: "failed" },
    { name: "zero ballots without quorum", yes: 0, no: 0, abstain: 0, silent: 4, status: "failed" },
    {
      name: "zero ballots with a quorum",
      yes: 0, no: 0, abstain: 0, silent: 4,
      params: { quorum: { type: "count", value: 1 } },
      status: "no-quorum",
      quorum: { needed: 1, reached: 0, met: false },
    },
    {
      name: "share quorum just met (4 of 7, abstain counts)",
      yes: 2, no: 1, abstain: 1, silent: 3,
      params: { quorum: { type: "share", value: 0.5 } },
      status: "passed",
      quorum: { needed: 4, reached: 4, met: true },
    },
    {
      name: "share quorum just missed (3 of 7)",
      yes: 2, no: 1, abstain: 0, silent: 4,
      params: { quorum: { type: "share", value: 0.5 } },
      status: "no-quorum",
      quorum: { needed: 4, reached: 3, met: false },
    },
    {
      name: "share 0.3 of 10 needs 3, not 4",
      yes: 3, no: 0, abstain: 0, silent: 7,
      params: { quorum: { type: "share", value: 0.3 } },
      status: "passed",
      quorum: { needed: 3, reached: 3, met: true },
    },
    {
      name: "count quorum just met",
      yes: 1, no: 1, abstain: 1, silent: 5,
      params: { quorum: { type: "count", value: 3 }, threshold: 0.5 },
      status: "failed",
      quorum: { needed: 3, reached: 3, met: true },
    },
    {
      name: "count quorum just missed",
      yes: 2, no: 0, abstain: 0, silent: 5,
      params: { quorum: { type: "count", value: 3 } },
      status: "no-quorum",
      quorum: { needed: 3, reached: 2, met: false },
    },
    {
      name: "advisory no votes change nothing",
      yes: 1, no: 0, abstain: 0,
      advisory: { no: 9 },
      status: "passed",
    },
    {
      name: "advisory votes do not count toward quorum",
      yes: 1, no: 0, abstain: 0, silent: 3,
      advisory: { yes: 5 },
      params: { quorum: { type: "count", value: 2 } },
      status: "no-quorum",
      quorum: { needed: 2, reached: 1, met: false },
    },
  ])("$name", (testCase) => {
    const outcome = run(testCase);
    expect(outcome.status).toBe(testCase.status);
    expect(outcome.counts).toEqual({ yes: testCase.yes, no: testCase.no, abstain: testCase.abstain });
    expect(outcome.advisoryCounts).toEqual({
      yes: testCase.advisory?.yes ?? 0,
      no: testCase.advisory?.no ?? 0,
      abstain: 0,
    });
    expect(outcome.quorum).toEqual(testCase.quorum);
    expect(outcome.ignored).toBe(0);
  });

  it.each([
    [{ yes: 3, no: 1, abstain: 2 }, "Passed: 3 yes, 1 no and 2 abstain among binding votes; more than half of yes + no must be yes."],
    [{ yes: 2, no: 2, abstain: 0 }, "Failed: 2 yes, 2 no and 0 abstain among binding votes; more than half of yes + no must be yes."],
    [{ yes: 0, no: 0, abstain: 3 }, "Failed: no yes or no votes, only 3 binding abstentions."],
    [{ yes: 0, no: 0, abstain: 0 }, "Failed: no yes or no votes were cast by binding voters."],
  ])("explains %o plainly", (counts, explanation) => {
    expect(run({ name: "", status: "passed", ...counts }).explanation).toBe(explanation);
  });

  it("names the threshold and quorum in its explanations", () => {
    expect(run({ name: "", status: "passed", yes: 2, no: 1, abstain: 0, params: { threshold: 2 / 3 } }).explanation).toContain(
      "at least 66.7% of yes + no",
    );
    expect(
      run({ name: "", status: "passed", yes: 1, no: 0, abstain: 0, silent: 6, params: { quorum: { type: "share", value: 0.5 } } })
        .explanation,
    ).toBe("No quorum: 1 binding voter voted; 4 needed.");
  });

  it.each([
    [1, 1, 0.5, false],
    [51, 49, 0.5, true],
    [2, 1, 2 / 3, true],
    [2, 1, 0.6667, false],
    [3, 1, 0.75, true],
    [0, 0, 0.5, false],
  ])("meetsThreshold(%i yes, %i no, %d) is %s", (yes, no, threshold, expected) => {
    expect(meetsThreshold({ yes, no, threshold })).toBe(expected);
  });
});
