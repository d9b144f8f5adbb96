// Threads' pure rules: mentions, the one level of replies, what a reader is shown, and the catalog's mirror of the kinds.
import { describe, expect, it } from "vitest";
import { threadSubjectKinds as catalogKinds } from "@/lib/record/events/threads";
import { findMentions, nestReplies, shownText, threadSubjectKinds } from "@/lib/threads/rules";

const members = [
  { userId: "u-ada", name: "Ada" },
  { userId: "u-ada-l", name: "Ada Lovelace" },
  { userId: "u-chen", name: "Chen Wei" },
];

describe("findMentions", () => {
  it.each([
    ["@Chen Wei, what do you think?", ["u-chen"]],
    ["@chen wei lower case", ["u-chen"]],
    ["@Ada Lovelace wins over @Ada", ["u-ada-l", "u-ada"]],
    ["@Chen Weiss is someone else", []],
    ["mail chen@example.org", []],
    ["@Nobody Here and @ alone", []],
    ["@Chen Wei @Chen Wei twice", ["u-chen"]],
    ["", []],
  ])("%j -> %j", (text, expected) => {
    expect(findMentions(text, members)).toEqual(expected);
  });

  it("mentions nobody outside the list it is given (a private space's members)", () => {
    expect(findMentions("@Olga Outsider", members)).toEqual([]);
  });

  it("stops at 20 mentions", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ userId: `u${i}`, name: `Person${i}` }));
    expect(findMentions(many.map((m) => `@${m.name}`).join(" "), many)).toHaveLength(20);
  });
});

describe("nestReplies", () => {
  it("puts replies under their top comment, in order, and an orphan at the top", () => {
    const rows = [
      { id: "a", parentId: null },
      { id: "b", parentId: "a" },
      { id: "c", parentId: null },
      { id: "d", parentId: "a" },
      { id: "e", parentId: "gone" },
    ];
    expect(nestReplies(rows).map((c) => [c.id, c.replies.map((r) => r.id)])).toEqual([["a", ["b", "d"]], ["c", []], ["e", []]]);
  });
});

describe("shownText", () => {
  const base = { state: "visible" as const, hiddenReason: null, redactedAt: null, redactionReason: null, body: "hello" };
  it("shows the text only while visible and unredacted", () => {
    expect(shownText(base)).toEqual({ kind: "text", body: "hello" });
    expect(shownText({ ...base, state: "hidden", hiddenReason: "spam" })).toEqual({ kind: "hidden", reason: "spam" });
    expect(shownText({ ...base, state: "deleted" })).toEqual({ kind: "deleted" });
    const at = new Date("2026-12-01T00:00:00Z");
    expect(shownText({ ...base, state: "hidden", redactedAt: at, redactionReason: "forgotten" })).toEqual({ kind: "redacted", reason: "forgotten", at });
    expect(shownText({ ...base, body: null })).toEqual({ kind: "deleted" });
  });
});

it("the event catalog spells the thread kinds as lib/threads does", () => {
  expect(catalogKinds).toEqual(threadSubjectKinds);
});
