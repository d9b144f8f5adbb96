import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canTransition,
  checkTransition,
  isEditable,
  isReleaseStatus,
  nextStatuses,
  releaseStatuses,
  statusLabel,
  type ReleaseGates,
  type ReleaseStatus,
} from "@/lib/releases/lifecycle";

// Written out by hand from the product rules, independently of the implementation's table.
const ALLOWED = new Set([
  "draft->in_review",
  "draft->withdrawn",
  "in_review->draft",
  "in_review->voting",
  "in_review->withdrawn",
  "voting->approved",
  "voting->rejected",
  "voting->withdrawn",
  "approved->published",
  "approved->withdrawn",
  "rejected->draft",
  "rejected->withdrawn",
  "published->deprecated",
  "published->yanked",
  "deprecated->yanked",
]);

const PASSING_GATES: ReleaseGates = { artifactCount: 3, auditBlockers: [], unpinnedLinks: [], digestsChangedSinceVote: false };
const pairs = releaseStatuses.flatMap((from) => releaseStatuses.map((to) => [from, to] as [ReleaseStatus, ReleaseStatus]));
const viaFor = (to: ReleaseStatus) => (to === "approved" || to === "rejected" ? "decision" : "user");

describe("release transition table", () => {
  it("covers all nine statuses", () => {
    expect(releaseStatuses).toHaveLength(9);
    expect(pairs).toHaveLength(81);
  });

  it.each(pairs)("%s -> %s", (from, to) => {
    const allowed = ALLOWED.has(`${from}->${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    expect(nextStatuses(from).includes(to)).toBe(allowed);
    const result = checkTransition({ from, to, via: viaFor(to), gates: PASSING_GATES });
    if (allowed) {
      expect(result).toEqual({ ok: true, value: { from, to } });
    } else {
      expect(result).toMatchObject({ ok: false, code: from === to ? "ALREADY_IN_STATUS" : "INVALID_TRANSITION" });
    }
  });

  it("lets a release be withdrawn at any point before publication, and never after", () => {
    const beforePublication: ReleaseStatus[] = ["draft", "in_review", "voting", "approved", "rejected"];
    for (const from of releaseStatuses) {
      expect(canTransition(from, "withdrawn")).toBe(beforePublication.includes(from));
    }
  });

  it("treats yanked and withdrawn as final", () => {
    expect(nextStatuses("yanked")).toEqual([]);
    expect(nextStatuses("withdrawn")).toEqual([]);
  });
});

describe("checkTransition messages", () => {
  it("names the possible moves for an impossible jump", () => {
    expect(checkTransition({ from: "draft", to: "published", via: "user", gates: PASSING_GATES })).toEqual({
      ok: false,
      code: "INVALID_TRANSITION",
      message: "A release in draft cannot move to published; from draft it can move to: in review, withdrawn.",
    });
  });

  it("says when a status is final", () => {
    expect(checkTransition({ from: "yanked", to: "published", via: "user", gates: PASSING_GATES })).toMatchObject({
      code: "INVALID_TRANSITION",
      message: "A release in yanked cannot move to published; yanked is a final status.",
    });
  });
});

describe("decision-only transitions", () => {
  it.each(["approved", "rejected"] as const)("a user cannot set a vote to %s by hand", (to) => {
    expect(checkTransition({ from: "voting", to, via: "user", gates: PASSING_GATES })).toMatchObject({
      ok: false,
      code: "DECISION_REQUIRED",
      message: expect.stringContaining("outcome of its vote"),
    });
  });

  it.each([
    ["voting", "withdrawn"],
    ["approved", "published"],
    ["draft", "in_review"],
  ] as const)("a decision cannot move %s to %s", (from, to) => {
    expect(checkTransition({ from, to, via: "decision", gates: PASSING_GATES })).toMatchObject({ ok: false, code: "DECISION_NOT_APPLICABLE" });
  });
});

describe("gates", () => {
  const gateCases: [from: ReleaseStatus, to: ReleaseStatus, gates: ReleaseGates, code: string, fragment: string][] = [
    ["draft", "in_review", { artifactCount: 0 }, "NO_ARTIFACTS", "at least one artifact"],
    [
      "in_review",
      "voting",
      { artifactCount: 2, auditBlockers: ["license of base model is unknown", "weights.safetensors has no digest"] },
      "AUDIT_BLOCKED",
      "2 blockers: license of base model is unknown; weights.safetensors has no digest",
    ],
    [
      "approved",
      "published",
      { artifactCount: 2, unpinnedLinks: ["hf://meta-llama/Llama-3.1-8B@main"] },
      "UNPINNED_REFERENCE",
      "1 reference can still change: hf://meta-llama/Llama-3.1-8B@main",
    ],
    ["approved", "published", { artifactCount: 2, digestsChangedSinceVote: true }, "DIGESTS_CHANGED", "Artifact digests changed after the vote"],
  ];

  it.each(gateCases)("%s -> %s is refused by its gate", (from, to, gates, code, fragment) => {
    const result = checkTransition({ from, to, via: "user", gates });
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it("reports unpinned references before changed digests", () => {
    const gates: ReleaseGates = { artifactCount: 1, unpinnedLinks: ["ghcr.io/acme/orca:2.1"], digestsChangedSinceVote: true };
    expect(checkTransition({ from: "approved", to: "published", via: "user", gates })).toMatchObject({ code: "UNPINNED_REFERENCE" });
  });

  it("only applies each gate to its own target status", () => {
    const failingGates: ReleaseGates = {
      artifactCount: 0,
      auditBlockers: ["unreviewed licence"],
      unpinnedLinks: ["llama3.1:8b"],
      digestsChangedSinceVote: true,
    };
    for (const [from, to] of pairs) {
      if (!ALLOWED.has(`${from}->${to}`) || ["in_review", "voting", "published"].includes(to)) continue;
      expect(checkTransition({ from, to, via: viaFor(to), gates: failingGates })).toMatchObject({ ok: true });
    }
  });

  it("checks the impossible jump before any gate", () => {
    expect(checkTransition({ from: "draft", to: "voting", via: "user", gates: { artifactCount: 0, auditBlockers: ["x"] } })).toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });
});

describe("status helpers", () => {
  it.each([
    ["draft", "draft", true],
    ["in_review", "in review", true],
    ["voting", "voting", false],
    ["approved", "approved", false],
    ["rejected", "rejected", false],
    ["published", "published", false],
    ["deprecated", "deprecated", false],
    ["yanked", "yanked", false],
    ["withdrawn", "withdrawn", false],
  ] as const)("%s is labelled '%s' (editable: %s)", (status, label, editable) => {
    expect(statusLabel(status)).toBe(label);
    expect(isEditable(status)).toBe(editable);
  });

  it("recognises status strings", () => {
    expect(isReleaseStatus("in_review")).toBe(true);
    expect(isReleaseStatus("in review")).toBe(false);
    expect(isReleaseStatus(3)).toBe(false);
  });

  it("any walk through the machine stays within nextStatuses and ends only in final statuses", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (choices) => {
        let status: ReleaseStatus = "draft";
        for (const choice of choices) {
          const options = nextStatuses(status);
          const next = options[choice % Math.max(options.length, 1)];
          if (next === undefined) {
            expect(["yanked", "withdrawn"]).toContain(status);
            return;
          }
          expect(checkTransition({ from: status, to: next, via: viaFor(next), gates: PASSING_GATES }).ok).toBe(true);
          status = next;
        }
      }),
    );
  });
});
