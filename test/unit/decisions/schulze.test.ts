import { describe, expect, it } from "vitest";
import { buildPairwise, schulzeWinners, strongestPaths } from "@/lib/decisions/methods/schulze";
import { tally } from "@/lib/decisions/methods/tally";
import type { DecisionOption } from "@/lib/decisions/methods/types";
import { type Cast, electorate, many, options, rankedGroups } from "@/test/unit/decisions/fixtures";

const lettered = (order: string) => options(Object.fromEntries(order.split("").map((id) => [id, `Candidate ${id}`])));

function run(casts: Cast[], optionList: DecisionOption[]) {
  const { voters, ballots } = electorate(casts);
  return tally({ method: "schulze", params: { options: optionList }, voters, ballots });
}

// The classic example from Wikipedia's "Schulze method" article: 45 voters, 5 candidates, E wins.
const wikipedia = rankedGroups([
  [5, "ACBED"],
  [5, "ADECB"],
  [8, "BEDAC"],
  [3, "CABED"],
  [7, "CAEBD"],
  [2, "CBADE"],
  [7, "DCEBA"],
  [8, "EBADC"],
]);

describe("schulze", () => {
  it("elects E in the Wikipedia example with the published pairwise matrix", () => {
    const outcome = run(wikipedia, lettered("ABCDE"));
    expect(outcome.status).toBe("passed");
    expect(outcome.winner).toBe("E");
    expect(outcome.pairwise).toEqual({
      A: { B: 20, C: 26, D: 30, E: 22 },
      B: { A: 25, C: 16, D: 33, E: 18 },
      C: { A: 19, B: 29, D: 17, E: 24 },
      D: { A: 15, B: 12, C: 28, E: 14 },
      E: { A: 23, B: 27, C: 21, D: 31 },
    });
    expect(outcome.explanation).toBe('Passed: "Candidate E" is the Schulze winner; no other option beats it on strongest paths.');
  });

  it("computes the published strongest paths for the Wikipedia example", () => {
    const ids = ["A", "B", "C", "D", "E"];
    const rankings = wikipedia.map((cast) => cast.choice as string[]);
    const paths = strongestPaths(buildPairwise(ids, rankings));
    expect(paths).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
    expect(schulzeWinners(paths)).toEqual([4]);
  });

  it("elects the Condorcet winner Nashville in the Tennessee example", () => {
    const casts = rankedGroups([
      [42, "MNCK"],
      [26, "NCKM"],
      [15, "CKNM"],
      [17, "KCNM"],
    ]);
    expect(run(casts, options({ M: "Memphis", N: "Nashville", C: "Chattanooga", K: "Knoxville" })).winner).toBe("N");
  });

  it.each<{ name: string; casts: Cast[]; order: string; winner?: string; tie?: boolean }>([
    {
      name: "a perfect cycle is a three-way tie broken by option order",
      casts: [{ user: "usr_1", choice: ["a", "b", "c"] }, { user: "usr_2", choice: ["b", "c", "a"] }, { user: "usr_3", choice: ["c", "a", "b"] }],
      order: "abc",
      winner: "a",
      tie: true,
    },
    {
      name: "the same cycle with b listed first",
      casts: [{ user: "usr_1", choice: ["a", "b", "c"] }, { user: "usr_2", choice: ["b", "c", "a"] }, { user: "usr_3", choice: ["c", "a", "b"] }],
      order: "bca",
      winner: "b",
      tie: true,
    },
    {
      name: "unranked options sit below every ranked option",
      casts: [...many(2, ["b"], { prefix: "usr_b" }), { user: "usr_a", choice: ["a", "b"] }],
      order: "abc",
      winner: "b",
      tie: false,
    },
    {
      name: "advisory rankings change nothing",
      casts: [{ user: "usr_c", choice: ["c", "a"] }, ...many(6, ["a", "c"], { prefix: "usr_fan", binding: false })],
      order: "abc",
      winner: "c",
      tie: false,
    },
  ])("$name", ({ casts, order, winner, tie }) => {
    const outcome = run(casts, lettered(order));
    expect(outcome.status).toBe("passed");
    expect(outcome.winner).toBe(winner);
    expect(outcome.explanation.includes("tie was broken by option order")).toBe(tie);
  });

  it("records partial-ranking preferences in the pairwise matrix", () => {
    const outcome = run([...many(2, ["b"], { prefix: "usr_b" }), { user: "usr_a", choice: ["a", "b"] }], lettered("abc"));
    expect(outcome.pairwise).toEqual({ a: { b: 1, c: 1 }, b: { a: 2, c: 3 }, c: { a: 0, b: 0 } });
  });

  it.each([
    ["zero ballots", [] as Cast[]],
    ["only empty rankings", many(3, [], { prefix: "usr_abs" })],
    ["only advisory rankings", many(3, ["a"], { prefix: "usr_fan", binding: false })],
  ])("fails with %s", (_name, casts) => {
    const outcome = run(casts, lettered("abc"));
    expect(outcome.status).toBe("failed");
    expect(outcome.winner).toBeUndefined();
    expect(outcome.explanation).toBe("Failed: no binding ballot ranked any option.");
  });
});
