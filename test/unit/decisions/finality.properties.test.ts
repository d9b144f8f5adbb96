// Properties of outcomeIsFinal: "final" is never wrong (any completion gives the same outcome), and for small
// electorates it is exactly right (it agrees with trying every completion).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { outcomeIsFinal } from "@/lib/decisions/methods/finality";
import { tally } from "@/lib/decisions/methods/tally";
import { votingMethods, type Ballot, type MethodParams, type Outcome, type Voter, type VotingMethod } from "@/lib/decisions/methods/types";
import { at } from "@/test/unit/decisions/fixtures";

const ranked = (method: VotingMethod) => method === "irv" || method === "schulze";
const withOptions = (method: VotingMethod) => ["plurality", "approval", "irv", "schulze"].includes(method);

/** Every valid choice of a method over these option ids. */
function allChoices(method: VotingMethod, ids: readonly string[]): unknown[] {
  switch (method) {
    case "yes-no":
      return ["yes", "no", "abstain"];
    case "apache-release":
    case "apache-consensus":
    case "lazy-consensus":
      return ["+1", "0", "-1"];
    case "plurality":
      return [...ids];
    case "approval":
      return ids.reduce<string[][]>((subsets, id) => [...subsets, ...subsets.map((subset) => [...subset, id])], [[]]);
    case "irv":
    case "schulze": {
      const out: string[][] = [[]];
      const grow = (prefix: string[]) => {
        for (const id of ids) {
          if (prefix.includes(id)) continue;
          out.push([...prefix, id]);
          grow([...prefix, id]);
        }
      };
      grow([]);
      return out;
    }
  }
}

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

type Entry = { binding: boolean; votes: boolean; bogus: boolean; choice: unknown; minute: number };
type Scenario = { method: VotingMethod; ids: string[]; params: MethodParams; entries: Entry[] };

const scenarioArb = ({ maxVoters, maxOptions, optionless }: { maxVoters: number; maxOptions: number; optionless: boolean }) =>
  fc
    .tuple(fc.constantFrom(...votingMethods), fc.integer({ min: 2, max: maxOptions }))
    .chain(([method, count]) => {
      const ids = Array.from({ length: count }, (_, index) => `opt_${index + 1}`);
      return fc.record({
        method: fc.constant(method),
        ids: fc.constant(ids),
        params: fc.record({
          options: optionless && withOptions(method) ? fc.option(fc.constant(ids.map((id) => ({ id, label: id.toUpperCase() }))), { nil: undefined, freq: 4 }) : fc.constant(ids.map((id) => ({ id, label: id.toUpperCase() }))),
          threshold: fc.constantFrom(0.5, 0.6, 2 / 3, 1),
          minPlusOnes: fc.integer({ min: 1, max: 4 }),
          quorum: fc.option(
            fc.oneof(
              fc.record({ type: fc.constant("share" as const), value: fc.constantFrom(0, 0.3, 0.5, 0.75) }),
              fc.record({ type: fc.constant("count" as const), value: fc.integer({ min: 0, max: 6 }) }),
            ),
            { nil: undefined },
          ),
        }),
        entries: fc.array(
          fc.record({
            binding: fc.boolean(),
            votes: fc.boolean(),
            bogus: fc.integer({ min: 0, max: 11 }).map((roll) => roll === 0),
            choice: choiceArb(method, ids),
            minute: fc.integer({ min: 0, max: 30 }),
          }),
          { maxLength: maxVoters },
        ),
      });
    });

function electorateOf({ entries }: Scenario): { voters: Voter[]; ballots: Ballot[] } {
  return {
    voters: entries.map((entry, index) => ({ userId: `usr_${index}`, binding: entry.binding })),
    // 42 is no valid choice of any method: such a ballot is ignored, as if its voter had not voted.
    ballots: entries.flatMap((entry, index) => (entry.votes ? [{ userId: `usr_${index}`, choice: entry.bogus ? 42 : entry.choice, reason: null, castAt: at(entry.minute) }] : [])),
  };
}

/** Indexes of the voters who have not cast a valid ballot. */
const stillToVote = (scenario: Scenario, { binding }: { binding?: boolean } = {}) =>
  scenario.entries.flatMap((entry, index) => (!entry.votes || entry.bogus) && (binding === undefined || entry.binding === binding) ? [index] : []);

const same = (a: Outcome, b: Outcome) => a.status === b.status && a.winner === b.winner;

describe("outcomeIsFinal properties", () => {
  it("(1) when it says final, every completion by the voters still to vote gives the same status and winner as closing now", () => {
    let finals = 0;
    let open = 0;
    const completionArb = scenarioArb({ maxVoters: 9, maxOptions: 4, optionless: true }).chain((scenario) =>
      fc.tuple(
        fc.constant(scenario),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 3 }).map((roll) => roll > 0),
            // Without an option list, a voter may also name an option nobody named yet.
            scenario.params.options ? choiceArb(scenario.method, scenario.ids) : fc.oneof(choiceArb(scenario.method, scenario.ids), choiceArb(scenario.method, ["opt_0", "opt_9"])),
          ),
          { minLength: scenario.entries.length, maxLength: scenario.entries.length },
        ),
      ),
    );
    fc.assert(
      fc.property(completionArb, ([scenario, picks]) => {
        const { voters, ballots } = electorateOf(scenario);
        const input = { method: scenario.method, params: scenario.params, voters, ballots };
        const finality = outcomeIsFinal(input);
        if (!finality.final) {
          open += 1;
          expect(finality.reason).toMatch(/^\d+ (binding|eligible) voters? can still vote; the outcome could still change\.$/);
          return;
        }
        finals += 1;
        expect(finality.outcome).toEqual(tally(input));
        // Binding and advisory voters alike; ballots already cast stand.
        const extra: Ballot[] = stillToVote(scenario).flatMap((index) => {
          const [casts, choice] = picks[index] ?? [false, null];
          return casts ? [{ userId: `usr_${index}`, choice, reason: null, castAt: at(1000 + index) }] : [];
        });
        const completed = tally({ ...input, ballots: [...ballots, ...extra] });
        expect({ status: completed.status, winner: completed.winner }).toEqual({ status: finality.outcome.status, winner: finality.outcome.winner });
      }),
      { numRuns: 1500 },
    );
    // Both answers come up often enough for the property to mean something.
    expect(finals).toBeGreaterThan(150);
    expect(open).toBeGreaterThan(150);
  });

  it("(2) for small electorates it agrees with trying every completion by the binding voters still to vote", () => {
    fc.assert(
      fc.property(scenarioArb({ maxVoters: 6, maxOptions: 3, optionless: false }), (scenario) => {
        const { voters, ballots } = electorateOf(scenario);
        const input = { method: scenario.method, params: scenario.params, voters, ballots };
        const remaining = stillToVote(scenario, { binding: true });
        fc.pre(remaining.length <= (ranked(scenario.method) ? 2 : 3));
        const now = tally(input);
        const kinds = [undefined, ...allChoices(scenario.method, scenario.ids)];
        let settled = true;
        const tryAll = (depth: number, extra: Ballot[]) => {
          if (!settled) return;
          if (depth === remaining.length) {
            if (!same(tally({ ...input, ballots: [...ballots, ...extra] }), now)) settled = false;
            return;
          }
          const index = remaining[depth] ?? 0;
          for (const choice of kinds) {
            tryAll(depth + 1, choice === undefined ? extra : [...extra, { userId: `usr_${index}`, choice, reason: null, castAt: at(1000 + index) }]);
          }
        };
        tryAll(0, []);
        expect(outcomeIsFinal(input).final).toBe(settled);
      }),
      { numRuns: 400 },
    );
  });
});
