import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tally } from "@/lib/decisions/methods/tally";
import type { Ballot, DecisionOption, MethodParams, Voter, VotingMethod } from "@/lib/decisions/methods/types";
import { votingMethods } from "@/lib/decisions/methods/types";
import { at } from "@/test/unit/decisions/fixtures";

const optionIdsArb = fc.integer({ min: 2, max: 5 }).map((count) => Array.from({ length: count }, (_, index) => `opt_${index + 1}`));

const toOptions = (ids: readonly string[]): DecisionOption[] => ids.map((id) => ({ id, label: `Option ${id}` }));

function choiceArb(method: VotingMethod, ids: string[]): fc.Arbitrary<unknown> {
  switch (method) {
    case "yes-no":
      return fc.constantFrom("yes", "no", "abstain");
    case "apache-release":
    case "apache-consensus":
    case "lazy-consensus":
      return fc.constantFrom("+1", "0", "-1");
    case "plurality":
      return fc.constantFrom(...ids);
    case "approval":
      return fc.subarray(ids);
    case "irv":
    case "schulze":
      return fc.shuffledSubarray(ids);
  }
}

const paramsArb = (ids: string[]): fc.Arbitrary<MethodParams> =>
  fc.record({
    options: fc.constant(toOptions(ids)),
    threshold: fc.constantFrom(0.5, 2 / 3, 0.6),
    minPlusOnes: fc.integer({ min: 1, max: 3 }),
    quorum: fc.option(
      fc.oneof(
        fc.record({ type: fc.constant("share" as const), value: fc.constantFrom(0, 0.25, 0.5) }),
        fc.record({ type: fc.constant("count" as const), value: fc.integer({ min: 0, max: 4 }) }),
      ),
      { nil: undefined },
    ),
  });

type Scenario = { method: VotingMethod; params: MethodParams; voters: Voter[]; ballots: Ballot[]; ids: string[] };

/** Up to 10 voters, each with at most one ballot, plus the odd ballot from an outsider or with a bad choice. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .tuple(fc.constantFrom(...votingMethods), optionIdsArb)
  .chain(([method, ids]) =>
    fc.record({
      method: fc.constant(method),
      ids: fc.constant(ids),
      params: paramsArb(ids),
      entries: fc.array(
        fc.record({
          binding: fc.boolean(),
          choice: fc.oneof({ weight: 9, arbitrary: choiceArb(method, ids) }, { weight: 1, arbitrary: fc.constant("bogus") }),
          votes: fc.boolean(),
          outsider: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0),
          minute: fc.integer({ min: 0, max: 30 }),
          reason: fc.constantFrom(null, "Benchmarks are not reproducible."),
        }),
        { maxLength: 10 },
      ),
    }),
  )
  .map(({ method, ids, params, entries }) => ({
    method,
    ids,
    params,
    voters: entries.filter((entry) => !entry.outsider).map((entry, index) => ({ userId: `usr_${index}`, binding: entry.binding })),
    ballots: entries
      .map((entry, index) => ({ entry, userId: entry.outsider ? `usr_outsider_${index}` : `usr_${index}` }))
      .filter(({ entry }) => entry.votes)
      .map(({ entry, userId }) => ({ userId, choice: entry.choice, reason: entry.reason, castAt: at(entry.minute) })),
  }));

describe("voting method properties", () => {
  it("(1) shuffling the ballot order never changes the outcome", () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((scenario) =>
          fc.tuple(fc.constant(scenario), fc.shuffledSubarray(scenario.ballots, { minLength: scenario.ballots.length })),
        ),
        ([scenario, shuffled]) => {
          expect(tally({ ...scenario, ballots: shuffled })).toEqual(tally(scenario));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("(2) changing a ballot twice equals changing it once to the last value", () => {
    fc.assert(
      fc.property(
        scenarioArb.chain((scenario) =>
          fc.tuple(
            fc.constant(scenario),
            fc.array(fc.tuple(fc.constantFrom(...(scenario.ballots.length > 0 ? scenario.ballots : [null])), fc.anything()), {
              maxLength: 6,
            }),
            fc.boolean(),
          ),
        ),
        ([scenario, earlier, historyLast]) => {
          // Earlier ballots are cast before every final ballot, so each voter's final ballot is the latest.
          const history = earlier.flatMap(([ballot, choice], index) =>
            ballot ? [{ userId: ballot.userId, choice, reason: null, castAt: at(-100 + index) }] : [],
          );
          const firstChangeOnly = history.filter(
            (ballot, index) => history.findIndex((other) => other.userId === ballot.userId) === index,
          );
          const twice = historyLast ? [...scenario.ballots, ...history] : [...history, ...scenario.ballots];
          const expected = tally(scenario);
          expect(tally({ ...scenario, ballots: twice })).toEqual(expected);
          expect(tally({ ...scenario, ballots: [...firstChangeOnly, ...scenario.ballots] })).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("(3) an option ranked first by a strict majority wins under IRV and Schulze", () => {
    const majorityArb = optionIdsArb.chain((ids) =>
      fc.record({
        ids: fc.constant(ids),
        favourite: fc.constantFrom(...ids),
        majority: fc.array(fc.shuffledSubarray(ids), { minLength: 1, maxLength: 12 }),
        minority: fc.array(fc.shuffledSubarray(ids), { maxLength: 12 }),
        advisory: fc.array(fc.shuffledSubarray(ids), { maxLength: 8 }),
      }),
    );
    fc.assert(
      fc.property(majorityArb, ({ ids, favourite, majority, minority: rawMinority, advisory }) => {
        const minority = rawMinority.slice(0, majority.length - 1);
        const rankings = [
          ...majority.map((ranking) => [favourite, ...ranking.filter((id) => id !== favourite)]),
          ...minority,
        ];
        const voters: Voter[] = [
          ...rankings.map((_, index) => ({ userId: `usr_b${index}`, binding: true })),
          ...advisory.map((_, index) => ({ userId: `usr_a${index}`, binding: false })),
        ];
        const ballots: Ballot[] = [
          ...rankings.map((choice, index) => ({ userId: `usr_b${index}`, choice, castAt: at(index) })),
          ...advisory.map((choice, index) => ({ userId: `usr_a${index}`, choice, castAt: at(index) })),
        ];
        const params = { options: toOptions(ids) };
        expect(tally({ method: "irv", params, voters, ballots }).winner).toBe(favourite);
        expect(tally({ method: "schulze", params, voters, ballots }).winner).toBe(favourite);
      }),
      { numRuns: 300 },
    );
  });

  it("(4) yes-no: a yes from a new binding voter never turns passed into failed", () => {
    const electionArb = fc.record({
      threshold: fc.constantFrom(0.5, 0.6, 2 / 3, 0.75, 1),
      shareQuorum: fc.constantFrom(0, 0, 0.1, 0.5, 0.9),
      entries: fc.array(
        fc.record({ binding: fc.boolean(), choice: fc.option(fc.constantFrom("yes", "no", "abstain"), { nil: undefined }) }),
        { maxLength: 15 },
      ),
    });
    fc.assert(
      fc.property(electionArb, ({ threshold, shareQuorum, entries }) => {
        const voters = entries.map((entry, index) => ({ userId: `usr_${index}`, binding: entry.binding }));
        const ballots: Ballot[] = entries.flatMap((entry, index) =>
          entry.choice ? [{ userId: `usr_${index}`, choice: entry.choice, castAt: at(index) }] : [],
        );
        const params: MethodParams = { threshold, quorum: { type: "share", value: shareQuorum } };
        const before = tally({ method: "yes-no", params, voters, ballots });
        const after = tally({
          method: "yes-no",
          params,
          voters: [...voters, { userId: "usr_newcomer", binding: true }],
          ballots: [...ballots, { userId: "usr_newcomer", choice: "yes", castAt: at(99) }],
        });
        if (before.status === "passed") expect(after.status).toBe("passed");
        if (shareQuorum === 0) expect(after.status).not.toBe("no-quorum");
        expect(after.counts.yes).toBe((before.counts.yes ?? 0) + 1);
      }),
      { numRuns: 500 },
    );
  });
});
