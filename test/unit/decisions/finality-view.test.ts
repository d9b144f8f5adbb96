// The decision view's earlyClose: what the page and the API say about closing early right now.
import { describe, expect, it } from "vitest";
import { buildDecisionView, type BallotRecord, type DecisionRecord } from "@/lib/decisions/view";
import { at } from "@/test/unit/decisions/fixtures";

const voters = ["usr_1", "usr_2", "usr_3"].map((userId) => ({ userId, binding: true }));

function record(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id: "dec_1",
    spaceSlug: "lumen",
    title: "Release lumen 2.0",
    question: "",
    kind: "release",
    method: "apache-release",
    params: { minPlusOnes: 3 },
    subject: {},
    releaseId: null,
    charterVersion: 4,
    eligibility: [...voters, { userId: "usr_advisor", binding: false }],
    eligibilityHash: "0".repeat(64),
    opensAt: at(0),
    closesAt: at(60 * 72),
    status: "open",
    outcome: null,
    closedAt: null,
    cancelReason: null,
    createdById: "usr_1",
    ...overrides,
  };
}

const plusOnes = (users: string[]): BallotRecord[] =>
  users.map((voterId, index) => ({ voterId, choice: "+1", reason: null, binding: voterId !== "usr_advisor", castAt: at(index + 1), receipt: "a".repeat(64) }));

const view = (decision: DecisionRecord, ballots: BallotRecord[], charterAllowsEarlyClose = true) =>
  buildDecisionView({ decision, ballots, names: {}, release: null, viewerId: null, charterAllowsEarlyClose }).earlyClose;

describe("the view's earlyClose", () => {
  it("is not allowed while binding voters could still change the outcome, whatever advisory voters did", () => {
    expect(view(record(), plusOnes(["usr_1", "usr_advisor"]))).toEqual({ allowed: false, reason: "2 binding voters can still vote; the outcome could still change.", verdict: null });
  });

  it("is allowed once final, with what closing now decides", () => {
    expect(view(record(), plusOnes(["usr_1", "usr_2", "usr_3"]))).toEqual({
      allowed: true,
      reason: "The outcome can no longer change: it passes because 3 binding +1, 0 binding -1; 3 needed.",
      verdict: "passes because 3 binding +1, 0 binding -1; 3 needed.",
    });
  });

  it("is not allowed where the decision's charter version forbids it, even when final", () => {
    expect(view(record(), plusOnes(["usr_1", "usr_2", "usr_3"]), false)).toEqual({
      allowed: false,
      reason: "The charter (version 4, under which this decision opened) does not allow closing release decisions early.",
      verdict: null,
    });
  });

  it("is not allowed once the decision is no longer open", () => {
    expect(view(record({ status: "cancelled", cancelReason: "Wrong artifacts" }), [])).toEqual({ allowed: false, reason: "This decision is cancelled.", verdict: null });
  });
});
