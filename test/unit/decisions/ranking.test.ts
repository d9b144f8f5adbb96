import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rerank } from "@/lib/decisions/ranking";

describe("rerank", () => {
  it.each<[string[], string, number | null, string[]]>([
    [[], "a", 1, ["a"]],
    [["a"], "b", 1, ["b", "a"]],
    [["a", "b"], "c", 9, ["a", "b", "c"]],
    [["a", "b", "c"], "c", 1, ["c", "a", "b"]],
    [["a", "b", "c"], "a", 2, ["b", "a", "c"]],
    // Two options given rank 1: the second takes it and the first moves down, never a shared rank.
    [["a"], "b", 1, ["b", "a"]],
    [["a", "b", "c"], "b", null, ["a", "c"]],
    [["a"], "z", null, ["a"]],
  ])("%j with %s at %s gives %j", (list, id, rank, expected) => {
    expect(rerank(list, id, rank)).toEqual(expected);
  });

  it("never produces a ranking with an option twice, whatever is picked in whatever order", () => {
    const ids = ["a", "b", "c", "d"];
    const step = fc.record({ id: fc.constantFrom(...ids), rank: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let list: string[] = [];
        for (const { id, rank } of steps) {
          list = rerank(list, id, rank);
          expect(new Set(list).size).toBe(list.length);
          if (rank !== null) expect(list).toContain(id);
          else expect(list).not.toContain(id);
        }
      }),
    );
  });
});
