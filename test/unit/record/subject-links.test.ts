import { describe, expect, it } from "vitest";
import { subjectLinks } from "@/lib/record/subject-links";

const titles: Record<string, string> = { d1: "Adopt the charter", r1: "Lumen-7B 2.0", p1: "the security audit report" };
const names: Record<string, string> = { u2: "Dana" };
const lookup = { spaceSlug: "lumen", titles, nameOf: (id: string) => names[id] };

describe("subjectLinks", () => {
  it.each<[string, string, Record<string, unknown>, Array<[string, string]>]>([
    ["a ballot links its decision", "ballot.cast", { decisionId: "d1" }, [["/s/lumen/decisions/d1", "the decision “Adopt the charter”"]]],
    [
      "an audit event links its report, then its release",
      "audit.filed",
      { releaseId: "r1", reportId: "p1" },
      [
        ["/s/lumen/audits/p1", "the security audit report"],
        ["/s/lumen/releases/r1", "the release Lumen-7B 2.0"],
      ],
    ],
    [
      "a release decision links both",
      "release.approved",
      { releaseId: "r1", decisionId: "d1" },
      [
        ["/s/lumen/decisions/d1", "the decision “Adopt the charter”"],
        ["/s/lumen/releases/r1", "the release Lumen-7B 2.0"],
      ],
    ],
    ["an amendment links its charter version", "charter.amended", { spaceId: "s1", version: 3 }, [["/s/lumen/charter#version-3", "charter version 3"]]],
    ["a member event links the person's profile", "member.added", { spaceId: "s1", userId: "u2" }, [["/u/u2", "Dana"]]],
    ["an invitation links the members page", "member.invited", { spaceId: "s1", invitationId: "i1" }, [["/s/lumen/members", "the space's members and invitations"]]],
    ["a space change links the space", "space.updated", { spaceId: "s1" }, [["/s/lumen", "the space"]]],
  ])("%s", (_name, type, subject, expected) => {
    expect(subjectLinks(type, subject, lookup).map((l) => [l.href, l.label])).toEqual(expected);
  });

  it("gives no link for an id the space does not hold (another space's item, or a deleted one)", () => {
    expect(subjectLinks("ballot.cast", { decisionId: "elsewhere" }, lookup)).toEqual([]);
    expect(subjectLinks("member.added", { spaceId: "s1", userId: "stranger" }, lookup)).toEqual([]);
  });

  it("puts nothing odd in a URL", () => {
    const odd = { ...lookup, titles: { "../x": "Odd", "a b": "Spaced" } };
    expect(subjectLinks("ballot.cast", { decisionId: "../x" }, odd)).toEqual([]);
    expect(subjectLinks("ballot.cast", { decisionId: "a b" }, odd)).toEqual([]);
    expect(subjectLinks("charter.amended", { version: -1 }, lookup)).toEqual([]);
    expect(subjectLinks("ballot.cast", null, lookup)).toEqual([]);
    expect(subjectLinks("ballot.cast", ["d1"], lookup)).toEqual([]);
  });
});
