// Who a user votes as on a frozen eligibility list: their own entry, or the one person of the origin mapped to them.
import { describe, expect, it } from "vitest";
import { eligibleMap, notEligibleMessage, voterOnList } from "@/lib/charter/eligible-voter";

const eligible = eligibleMap([
  { userId: "ama", binding: true },
  { userId: "ben", binding: true },
  { userId: "cai", binding: false },
  { userId: "cai", binding: true },
  { userId: "dee", binding: false },
]);

describe("voterOnList", () => {
  it.each([
    ["on the list as themselves", "ama", [], { ok: true, voterId: "ama", binding: true, standsFor: null }],
    ["listed twice, binding if either entry is", "cai", [], { ok: true, voterId: "cai", binding: true, standsFor: null }],
    ["mapped from a person on the list", "here", ["ben"], { ok: true, voterId: "ben", binding: true, standsFor: "ben" }],
    ["mapped from an advisory person", "here", ["dee"], { ok: true, voterId: "dee", binding: false, standsFor: "dee" }],
    ["mapped from people of whom one is listed", "here", ["gone", "ben"], { ok: true, voterId: "ben", binding: true, standsFor: "ben" }],
    ["a mapping naming themselves counts once", "ama", ["ama"], { ok: true, voterId: "ama", binding: true, standsFor: null }],
  ] as const)("%s", (_, userId, standsFor, expected) => {
    expect(voterOnList({ userId, standsFor, eligible })).toEqual(expected);
  });

  it.each([
    ["a stranger", "eve", []],
    ["mapped from someone not on the list", "here", ["gone"]],
  ] as const)("refuses %s as not eligible", (_, userId, standsFor) => {
    expect(voterOnList({ userId, standsFor, eligible })).toEqual({ ok: false, code: "NOT_ELIGIBLE", message: notEligibleMessage });
  });

  it("refuses a second entry for one person, in a sentence that says which", () => {
    expect(voterOnList({ userId: "ama", standsFor: ["ben"], eligible })).toMatchObject({
      ok: false,
      code: "ON_LIST_TWICE",
      message: expect.stringContaining("as yourself and as a person who arrived with the archive and was mapped to you"),
    });
    expect(voterOnList({ userId: "here", standsFor: ["ben", "dee"], eligible })).toMatchObject({
      ok: false,
      code: "ON_LIST_TWICE",
      message: expect.stringContaining("as two people who arrived with the archive and were mapped to you"),
    });
  });
});
