// outcomeIsFinal, case by case: when an early close is allowed because the outcome can no longer change.
import { describe, expect, it } from "vitest";
import { outcomeIsFinal, type Finality } from "@/lib/decisions/methods/finality";
import type { MethodParams, Voter, VotingMethod } from "@/lib/decisions/methods/types";
import { type Cast, electorate, many, options, silentVoters } from "@/test/unit/decisions/fixtures";

type Case = {
  name: string;
  method: VotingMethod;
  casts: Cast[];
  silent?: Voter[];
  params?: MethodParams;
  expected: { final: true; status: string; winner?: string } | { final: false; reason: string };
};

const abc = options({ a: "A", b: "B", c: "C" });
const two = (user = "usr_silent") => silentVoters(2).map((voter) => ({ ...voter, userId: `${user}_${voter.userId}` }));
const stillOpen = (count: number) =>
  ({ final: false, reason: `${count} binding ${count === 1 ? "voter" : "voters"} can still vote; the outcome could still change.` }) as const;

function summary(finality: Finality) {
  return finality.final
    ? { final: true, status: finality.outcome.status, ...(finality.outcome.winner ? { winner: finality.outcome.winner } : {}) }
    : finality;
}

const cases: Case[] = [
  // The case: 1 of 3 +1 in, 2 binding voters silent.
  { name: "apache-release: 1 of 3 +1 in, 2 binding voters silent", method: "apache-release", casts: many(1, "+1", { prefix: "usr_pmc" }), silent: silentVoters(2), params: { minPlusOnes: 3 }, expected: stillOpen(2) },
  { name: "apache-release: everyone voted", method: "apache-release", casts: [...many(3, "+1", { prefix: "usr_pmc" }), ...many(1, "-1", { prefix: "usr_no" })], params: { minPlusOnes: 3 }, expected: { final: true, status: "passed" } },
  { name: "apache-release: 3 +1 and one silent voter whose -1 would still lose", method: "apache-release", casts: many(3, "+1", { prefix: "usr_pmc" }), silent: silentVoters(1), params: { minPlusOnes: 3 }, expected: { final: true, status: "passed" } },
  { name: "apache-release: 3 +1, 1 -1 and two silent voters whose -1s would tie it", method: "apache-release", casts: [...many(3, "+1", { prefix: "usr_pmc" }), ...many(1, "-1", { prefix: "usr_no" })], silent: silentVoters(2), params: { minPlusOnes: 3 }, expected: stillOpen(2) },
  { name: "apache-release: 1 +1 with one silent voter can never reach 3", method: "apache-release", casts: many(1, "+1", { prefix: "usr_pmc" }), silent: silentVoters(1), params: { minPlusOnes: 3 }, expected: { final: true, status: "failed" } },
  { name: "apache-release: silent advisory voters do not matter", method: "apache-release", casts: many(3, "+1", { prefix: "usr_pmc" }), silent: silentVoters(5, { binding: false }), params: { minPlusOnes: 3 }, expected: { final: true, status: "passed" } },
  { name: "apache-release: an invalid ballot counts as not voted", method: "apache-release", casts: [...many(3, "+1", { prefix: "usr_pmc" }), ...many(3, "maybe", { prefix: "usr_bad" })], params: { minPlusOnes: 3 }, expected: stillOpen(3) },
  { name: "apache-consensus: a veto is final", method: "apache-consensus", casts: [{ user: "usr_v", choice: "-1", reason: "No" }], silent: silentVoters(4), params: { minPlusOnes: 3 }, expected: { final: true, status: "failed" } },
  { name: "apache-consensus: 3 +1 but one silent voter could still veto", method: "apache-consensus", casts: many(3, "+1", { prefix: "usr_pmc" }), silent: silentVoters(1), params: { minPlusOnes: 3 }, expected: stillOpen(1) },
  { name: "lazy-consensus: silence could still become an objection", method: "lazy-consensus", casts: [], silent: silentVoters(1), expected: stillOpen(1) },
  { name: "lazy-consensus: an objection is final", method: "lazy-consensus", casts: [{ user: "usr_o", choice: "-1" }], silent: silentVoters(3), expected: { final: true, status: "failed" } },
  { name: "yes-no: 3 yes of 5, 2 silent could make it 3-2, still more than half", method: "yes-no", casts: many(3, "yes", { prefix: "usr_y" }), silent: silentVoters(2), params: { threshold: 0.5 }, expected: { final: true, status: "passed" } },
  { name: "yes-no: 2 yes with 1 silent voter: even 2 to 1 passes", method: "yes-no", casts: many(2, "yes", { prefix: "usr_y" }), silent: silentVoters(1), params: { threshold: 0.5 }, expected: { final: true, status: "passed" } },
  { name: "yes-no: 2 yes with 2 silent could tie 2-2 and fail", method: "yes-no", casts: many(2, "yes", { prefix: "usr_y" }), silent: silentVoters(2), params: { threshold: 0.5 }, expected: stillOpen(2) },
  { name: "yes-no: two-thirds with 1 yes, 1 no and 1 silent can still pass", method: "yes-no", casts: [{ user: "usr_y", choice: "yes" }, { user: "usr_n", choice: "no" }], silent: silentVoters(1), params: { threshold: 2 / 3 }, expected: stillOpen(1) },
  { name: "yes-no: abstentions count toward the quorum, so silent voters could still reach it", method: "yes-no", casts: many(1, "yes", { prefix: "usr_y" }), silent: silentVoters(2), params: { quorum: { type: "count", value: 3 } }, expected: stillOpen(2) },
  { name: "yes-no: no quorum that can no longer be reached is final", method: "yes-no", casts: many(1, "yes", { prefix: "usr_y" }), silent: silentVoters(1), params: { quorum: { type: "count", value: 3 } }, expected: { final: true, status: "no-quorum" } },
  { name: "plurality: a lead bigger than the silent voters is final", method: "plurality", casts: [...many(4, "a", { prefix: "usr_a" }), ...many(1, "b", { prefix: "usr_b" })], silent: silentVoters(2), params: { options: abc }, expected: { final: true, status: "passed", winner: "a" } },
  { name: "plurality: a lead the silent voters could tie, losing on option order, is not", method: "plurality", casts: [...many(3, "b", { prefix: "usr_b" }), ...many(1, "a", { prefix: "usr_a" })], silent: silentVoters(2), params: { options: abc }, expected: stillOpen(2) },
  { name: "plurality: a tie the silent voters cannot break, won on option order, is final", method: "plurality", casts: [...many(3, "a", { prefix: "usr_a" }), ...many(1, "b", { prefix: "usr_b" })], silent: silentVoters(2), params: { options: abc }, expected: { final: true, status: "passed", winner: "a" } },
  { name: "approval: a lead of 3 with 2 silent voters is final", method: "approval", casts: [{ user: "usr_1", choice: ["a", "b"] }, { user: "usr_2", choice: ["a"] }, { user: "usr_3", choice: ["a"] }, { user: "usr_4", choice: ["a"] }], silent: silentVoters(2), params: { options: abc }, expected: { final: true, status: "passed", winner: "a" } },
  { name: "approval: a tie won on option order, with 1 silent voter, is not", method: "approval", casts: [{ user: "usr_1", choice: ["b"] }, { user: "usr_2", choice: ["a", "b"] }, { user: "usr_3", choice: ["a"] }], silent: silentVoters(1), params: { options: abc }, expected: stillOpen(1) },
  { name: "irv: a first-round majority that survives the silent voters is final", method: "irv", casts: many(4, ["a", "b"], { prefix: "usr_a" }), silent: silentVoters(3), params: { options: abc }, expected: { final: true, status: "passed", winner: "a" } },
  { name: "irv: a close race with silent voters is not", method: "irv", casts: [...many(2, ["b"], { prefix: "usr_b" }), ...many(2, ["a"], { prefix: "usr_a" })], silent: silentVoters(1), params: { options: abc }, expected: stillOpen(1) },
  { name: "irv: enumeration proves a race settled without a first-round majority", method: "irv", casts: [...many(3, ["a", "c"], { prefix: "usr_a" }), ...many(2, ["b"], { prefix: "usr_b" }), ...many(1, ["c", "a"], { prefix: "usr_c" })], silent: silentVoters(1), params: { options: abc }, expected: { final: true, status: "passed", winner: "a" } },
  { name: "schulze: a head-to-head margin bigger than the silent voters is final", method: "schulze", casts: [...many(5, ["a", "b", "c"], { prefix: "usr_a" }), ...many(1, ["b", "c", "a"], { prefix: "usr_b" })], silent: silentVoters(3), params: { options: abc }, expected: { final: true, status: "passed", winner: "a" } },
  { name: "schulze: one silent voter against a margin of one is not", method: "schulze", casts: [...many(2, ["b", "a"], { prefix: "usr_b" }), ...many(1, ["a", "b"], { prefix: "usr_a" })], silent: silentVoters(1), params: { options: abc }, expected: stillOpen(1) },
  { name: "plurality without an option list: a silent advisory voter could add an option", method: "plurality", casts: many(3, "a", { prefix: "usr_a" }), silent: silentVoters(1, { binding: false }), expected: { final: false, reason: "1 eligible voter can still vote; the outcome could still change." } },
];

describe("outcomeIsFinal", () => {
  it.each(cases)("$name", ({ method, casts, silent = [], params = {}, expected }) => {
    const { voters, ballots } = electorate(casts, silent);
    expect(summary(outcomeIsFinal({ method, params, voters, ballots }))).toEqual(expected);
  });

  it("answers with the outcome of closing now when final", () => {
    const { voters, ballots } = electorate(many(3, "+1", { prefix: "usr_pmc" }));
    const finality = outcomeIsFinal({ method: "apache-release", params: { minPlusOnes: 3 }, voters, ballots });
    expect(finality).toMatchObject({ final: true, outcome: { status: "passed", explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed." } });
  });

  it("is conservative for a ranked vote too large to enumerate, even where the winner is in fact settled", () => {
    // 10 ballots rank only A: nobody else can pass 10 of at most 20, and A wins every tie on option order.
    const five = options({ a: "A", b: "B", c: "C", d: "D", e: "E" });
    const { voters, ballots } = electorate([...many(10, ["a"], { prefix: "usr_a" }), ...many(8, ["b", "a"], { prefix: "usr_b" })], two());
    expect(outcomeIsFinal({ method: "irv", params: { options: five }, voters, ballots })).toEqual(stillOpen(2));
  });
});
