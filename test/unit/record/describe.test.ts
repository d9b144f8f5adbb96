import { describe, expect, it } from "vitest";
import { describeEvent, peopleNamedIn } from "@/lib/record/describe";

const names: Record<string, string> = { u1: "Amara", u2: "Dana" };
const nameOf = (id: string | null) => (id ? (names[id] ?? "someone") : "The system");
const event = (type: string, subject: Record<string, unknown>, data: Record<string, unknown>, actorId: string | null = "u1") => ({ type, actorId, subject, data });

describe("describeEvent", () => {
  it.each<[string, ReturnType<typeof event>, string]>([
    ["a member added", event("member.added", { spaceId: "s", userId: "u2" }, { role: "auditor" }), "Amara added Dana as auditor"],
    ["a ranked ballot", event("ballot.cast", { decisionId: "d1" }, { choice: ["b", "a"], binding: false, reason: "b first" }, "u2"), "Dana voted b > a (advisory): “b first”"],
    ["a finding moved", event("finding.transitioned", { releaseId: "r", reportId: "p", findingId: "f" }, { number: 2, title: "Leak", severity: "high", from: "open", to: "wont_fix", note: "" }), "Amara moved finding 2 “Leak” from open to won't fix"],
    ["a deadline close", event("decision.closed", { decisionId: "d1" }, { status: "passed", explanation: "Passed: 3 binding +1.", counts: {}, closedBy: "deadline", ballots: 3, applied: [] }, null), "The decision closed at its deadline: Passed: 3 binding +1."],
    ["a license decision", event("release.license_decided", { releaseId: "r", decisionId: "d" }, { component: null, components: ["weights"], license: "Apache-2.0" }, null), "A licensing decision set every included component to Apache-2.0"],
  ])("words %s from its typed data", (_name, e, text) => {
    expect(describeEvent(e, nameOf)).toBe(text);
  });

  it("names what an entry is about when the caller can look it up", () => {
    const titles: Record<string, string> = { d1: "Release Lumen-7B 2.0", r1: "Lumen-7B 2.0" };
    const titleOf = (id: string) => titles[id];
    expect(describeEvent(event("ballot.cast", { decisionId: "d1" }, { choice: "+1", binding: true }), nameOf, titleOf)).toBe("Amara voted +1 on “Release Lumen-7B 2.0”");
    expect(describeEvent(event("release.yanked", { releaseId: "r1" }, { from: "published", to: "yanked" }), nameOf, titleOf)).toBe("Amara yanked the release “Lumen-7B 2.0”");
  });

  it("lists everyone its sentence names, so none of them reads as someone", () => {
    const mapped = event("member.identity_mapped", { spaceId: "s", userId: "u2" }, { toUserId: "u3", role: "steward" });
    expect(peopleNamedIn(mapped)).toEqual(["u1", "u2", "u3"]);
    expect(describeEvent(mapped, (id) => ({ u1: "Amara", u2: "Dana", u3: "Dana K." })[id ?? ""] ?? "someone")).toBe("Amara mapped Dana, who arrived with the archive, to Dana K., now steward");
    expect(peopleNamedIn(event("space.forked", {}, {}, null))).toEqual([]);
  });

  it("says only the type of an event the catalog does not describe, or whose data does not fit", () => {
    expect(describeEvent(event("load.appended", {}, { i: 1 }), nameOf)).toBe("Amara: load.appended");
    expect(describeEvent(event("member.added", { spaceId: "s", userId: "u2" }, { role: "king" }), nameOf)).toBe("Amara: member.added");
  });
});
