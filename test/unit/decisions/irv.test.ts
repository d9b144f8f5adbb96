import { describe, expect, it } from "vitest";
import { pickElimination } from "@/lib/decisions/methods/irv";
import { tally } from "@/lib/decisions/methods/tally";
import type { DecisionOption, OutcomeStatus } from "@/lib/decisions/methods/types";
import { type Cast, electorate, many, options, rankedGroups } from "@/test/unit/decisions/fixtures";

const abcd = (order: string) => options(Object.fromEntries(order.split("").map((id) => [id, `Option ${id}`])));

function run(casts: Cast[], optionList: DecisionOption[]) {
  const { voters, ballots } = electorate(casts);
  return tally({ method: "irv", params: { options: optionList }, voters, ballots });
}

// Wikipedia's Tennessee capital example: Memphis leads on first choices, Knoxville wins the runoff.
const tennessee = rankedGroups([
  [42, "MNCK"],
  [26, "NCKM"],
  [15, "CKNM"],
  [17, "KCNM"],
]);
const cities = options({ M: "Memphis", N: "Nashville", C: "Chattanooga", K: "Knoxville" });

describe("irv", () => {
  it("runs the textbook Tennessee example round by round", () => {
    const outcome = run(tennessee, cities);
    expect(outcome.status).toBe("passed");
    expect(outcome.winner).toBe("K");
    expect(outcome.rounds).toEqual([
      { M: 42, N: 26, C: 15, K: 17 },
      { M: 42, N: 26, K: 32 },
      { M: 42, K: 58 },
    ]);
    expect(outcome.counts).toEqual({ M: 42, N: 26, C: 15, K: 17 });
    expect(outcome.explanation).toBe('Passed: "Knoxville" won in round 3 with 58 of 100 continuing binding ballots.');
  });

  it.each<{ name: string; casts: Cast[]; order: string; status: OutcomeStatus; winner?: string; rounds: Array<Record<string, number>>; note?: string }>([
    {
      name: "an outright first-round majority wins at once",
      casts: [...many(3, ["a", "b"], { prefix: "usr_a" }), ...many(2, ["b"], { prefix: "usr_b" })],
      order: "abc",
      status: "passed",
      winner: "a",
      rounds: [{ a: 3, b: 2, c: 0 }],
    },
    {
      name: "exhausted ballots are dropped from the majority base",
      casts: [
        ...many(3, ["a"], { prefix: "usr_a" }),
        ...many(2, ["b"], { prefix: "usr_b" }),
        ...many(1, ["c"], { prefix: "usr_c" }),
      ],
      order: "abc",
      status: "passed",
      winner: "a",
      rounds: [{ a: 3, b: 2, c: 1 }, { a: 3, b: 2 }],
    },
    {
      name: "a bottom tie with no history eliminates the option listed last",
      casts: [
        ...many(3, ["a"], { prefix: "usr_a" }),
        ...many(2, ["b", "a"], { prefix: "usr_b" }),
        ...many(2, ["c", "b"], { prefix: "usr_c" }),
      ],
      order: "abc",
      status: "passed",
      winner: "b",
      rounds: [{ a: 3, b: 2, c: 2 }, { a: 3, b: 4 }],
      note: "elimination tie broken in round 1 by option order",
    },
    {
      name: "the same tie with c listed before b eliminates b instead",
      casts: [
        ...many(3, ["a"], { prefix: "usr_a" }),
        ...many(2, ["b", "a"], { prefix: "usr_b" }),
        ...many(2, ["c", "b"], { prefix: "usr_c" }),
      ],
      order: "acb",
      status: "passed",
      winner: "a",
      rounds: [{ a: 3, c: 2, b: 2 }, { a: 5, c: 2 }],
    },
    {
      name: "a bottom tie is broken by the previous round before option order",
      casts: [
        ...many(5, ["a"], { prefix: "usr_a" }),
        ...many(4, ["b"], { prefix: "usr_b" }),
        ...many(3, ["c", "b"], { prefix: "usr_c" }),
        ...many(1, ["d", "c"], { prefix: "usr_d" }),
      ],
      order: "acbd",
      status: "passed",
      winner: "b",
      rounds: [{ a: 5, c: 3, b: 4, d: 1 }, { a: 5, c: 4, b: 4 }, { a: 5, b: 7 }],
      note: "elimination tie broken in round 2 by earlier rounds",
    },
    { name: "zero ballots", casts: [], order: "abc", status: "failed", rounds: [{ a: 0, b: 0, c: 0 }] },
    {
      name: "only empty rankings",
      casts: many(4, [], { prefix: "usr_abs" }),
      order: "abc",
      status: "failed",
      rounds: [{ a: 0, b: 0, c: 0 }],
    },
    {
      name: "advisory rankings change nothing",
      casts: [...many(1, ["c"], { prefix: "usr_c" }), ...many(9, ["a"], { prefix: "usr_fan", binding: false })],
      order: "abc",
      status: "passed",
      winner: "c",
      rounds: [{ a: 0, b: 0, c: 1 }],
    },
  ])("$name", ({ casts, order, status, winner, rounds, note }) => {
    const outcome = run(casts, abcd(order));
    expect(outcome.status).toBe(status);
    expect(outcome.winner).toBe(winner);
    expect(outcome.rounds).toEqual(rounds);
    if (note) expect(outcome.explanation).toContain(note);
  });

  it("reports advisory first preferences separately", () => {
    const outcome = run([...many(2, ["b", "a"], { prefix: "usr_b" }), { user: "usr_guest", choice: ["a"], binding: false }], abcd("abc"));
    expect(outcome.counts).toEqual({ a: 0, b: 2, c: 0 });
    expect(outcome.advisoryCounts).toEqual({ a: 1, b: 0, c: 0 });
  });

  it("misses quorum without naming a winner", () => {
    const { voters, ballots } = electorate(tennessee.slice(0, 40));
    const outcome = tally({
      method: "irv",
      params: { options: cities, quorum: { type: "count", value: 41 } },
      voters,
      ballots,
    });
    expect(outcome.status).toBe("no-quorum");
    expect(outcome.winner).toBeUndefined();
    expect(outcome.quorum).toEqual({ needed: 41, reached: 40, met: false });
  });

  it.each<[Array<Record<string, number>>, string[], string]>([
    [[{ a: 3, b: 1, c: 2 }], ["a", "b", "c"], "b"],
    [[{ a: 3, b: 2, c: 2 }], ["a", "b", "c"], "c"],
    [[{ a: 3, b: 2, c: 2 }], ["a", "c", "b"], "b"],
    [[{ a: 1, b: 3, c: 2 }, { b: 3, c: 3, a: 3 }], ["a", "b", "c"], "a"],
    [[{ a: 2, b: 2, c: 1 }, { a: 3, b: 3 }], ["a", "b"], "b"],
  ])("pickElimination(%j, %j) eliminates %s", (rounds, optionIds, expected) => {
    expect(pickElimination({ rounds, optionIds }).optionId).toBe(expected);
  });
});
