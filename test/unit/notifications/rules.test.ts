// The pure rules of notifications as tables: who hears what, which channel, what the e-mail side owes,
// when the reminder runs, and what each event says.
import { describe, expect, it } from "vitest";
import { channelFor, channels, hears, mailStateFor, mentionNotice, noticeFor, notificationKinds, reminderAt, type AudienceFacts } from "@/lib/notifications/rules";

const base: AudienceFacts = { visibility: "public", isMember: true, isActor: false, mentioned: false, spaceWatch: null, itemWatch: null };

describe("hears", () => {
  it.each([
    ["a member, no watches", {}, true],
    ["a non-member of a public space, no watches", { isMember: false }, false],
    ["a non-member watching a public space", { isMember: false, spaceWatch: true }, true],
    ["a non-member watching the item in a public space", { isMember: false, itemWatch: true }, true],
    ["a member who muted the space", { spaceWatch: false }, false],
    ["a member who muted the space but watches the item", { spaceWatch: false, itemWatch: true }, true],
    ["a member who watches the space but muted the item", { spaceWatch: true, itemWatch: false }, false],
    ["the actor themselves", { isActor: true }, false],
    ["a mentioned member who muted everything", { mentioned: true, spaceWatch: false, itemWatch: false }, true],
    ["a non-member watching a private space", { visibility: "private", isMember: false, spaceWatch: true }, false],
    ["a non-member mentioned in a private space", { visibility: "private", isMember: false, mentioned: true }, false],
    ["a member of a private space", { visibility: "private" }, true],
  ] as const)("%s -> %s", (_label, facts, expected) => {
    expect(hears({ ...base, ...facts })).toBe(expected);
  });
});

describe("channelFor", () => {
  it("uses the defaults when nothing was chosen", () => {
    expect(Object.fromEntries(notificationKinds.map((k) => [k, channelFor(k)]))).toEqual({
      decision_opened: "email",
      decision_reminder: "email",
      decision_closed: "in_app",
      release_approved: "email",
      release_published: "in_app",
      mention: "email",
    });
  });
  it.each(channels)("takes the person's choice %s", (channel) => {
    expect(channelFor("decision_opened", channel)).toBe(channel);
  });
  it("never turns a mention off: off means the inbox only", () => {
    expect(channelFor("mention", "off")).toBe("in_app");
  });
  it("ignores a stored value that is not a channel", () => {
    expect(channelFor("decision_closed", "carrier-pigeon")).toBe("in_app");
  });
});

describe("mailStateFor", () => {
  it.each([
    ["in_app", { mail: "none", digest: null }],
    ["email", { mail: "pending", digest: null }],
    ["daily", { mail: "digest", digest: "daily" }],
    ["weekly", { mail: "digest", digest: "weekly" }],
  ] as const)("%s", (channel, expected) => expect(mailStateFor(channel)).toEqual(expected));
});

describe("reminderAt", () => {
  const opensAt = new Date("2026-12-01T00:00:00Z");
  it("is 24 hours before the deadline", () => {
    expect(reminderAt({ opensAt, closesAt: new Date("2026-12-04T00:00:00Z") })?.toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });
  it("is none for a vote of 24 hours or less", () => {
    expect(reminderAt({ opensAt, closesAt: new Date("2026-12-02T00:00:00Z") })).toBeNull();
    expect(reminderAt({ opensAt, closesAt: new Date("2026-12-01T06:00:00Z") })).toBeNull();
  });
});

describe("noticeFor", () => {
  const space = { slug: "lumen", name: "Lumen" };
  it("links a decision's page and says when it closes", () => {
    expect(noticeFor({ type: "decision.opened", data: { closesAt: "2026-12-04T18:00:00.000Z" }, subject: { decisionId: "d1" }, space, label: "Adopt CoC" })).toEqual({
      kind: "decision_opened",
      title: "Vote open in Lumen: Adopt CoC",
      body: "A vote opened; it closes 2026-12-04 18:00 UTC. Cast your ballot before then.",
      path: "/s/lumen/decisions/d1",
    });
  });
  it("links a release's page when it is approved", () => {
    expect(noticeFor({ type: "release.approved", data: {}, subject: { releaseId: "r1", decisionId: "d1" }, space, label: "lumen 1.0" })).toMatchObject({ kind: "release_approved", path: "/s/lumen/releases/r1" });
  });
  it("says nothing about an event nobody hears, or one without its subject", () => {
    expect(noticeFor({ type: "ballot.cast", data: {}, subject: { decisionId: "d1" }, space, label: "" })).toBeNull();
    expect(noticeFor({ type: "release.approved", data: {}, subject: {}, space, label: "" })).toBeNull();
  });
});

describe("mentionNotice", () => {
  it("names who wrote and where, links the thread, and never carries the comment's words", () => {
    expect(mentionNotice({ author: "Chen Wei", space: { name: "Lumen" }, thread: { label: "Relicense the tokenizer?", path: "/s/lumen/proposals/p1" } })).toEqual({
      kind: "mention",
      title: "Chen Wei mentioned you in Lumen: Relicense the tokenizer?",
      body: "Chen Wei mentioned you in a comment. Open the thread to read it and reply.",
      path: "/s/lumen/proposals/p1",
    });
  });
});
