// The pure rules of concerns: the tally's sentence, how open concerns turn a pass into a failure (and nothing else),
// early-close finality, when a concern may be raised or closed, and the charter's default.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { blockingSentence, closeRefusal, finalityWithConcerns, isLive, raiseRefusal, releaseBlockSentence, withConcerns, type OpenConcern } from "@/lib/concerns/rules";
import { decisionKinds, defaultCharter, describeCharter, diffCharter, parseCharter } from "@/lib/charter/rules";
import { closingOutcome, projectionSentence } from "@/lib/decisions/rules";
import type { Outcome } from "@/lib/decisions/methods/types";

const dana: OpenConcern = { title: "Eval set leaks into training data", raisedBy: "Dana" };
const chen: OpenConcern = { title: "No model card", raisedBy: "Chen" };
const bruno: OpenConcern = { title: "License unclear", raisedBy: "Bruno" };
const passed: Outcome = { status: "passed", explanation: "Passed: 3 binding +1, 0 binding -1; 3 needed.", counts: { "+1": 3 }, advisoryCounts: {}, ignored: 0 };

describe("the tally's sentence", () => {
  it.each([
    [[dana], "Fails while 1 concern is open: 'Eval set leaks into training data' by Dana"],
    [[dana, chen], "Fails while 2 concerns are open: 'Eval set leaks into training data' by Dana and 'No model card' by Chen"],
    [[dana, chen, bruno], "Fails while 3 concerns are open: 'Eval set leaks into training data' by Dana, 'No model card' by Chen and 'License unclear' by Bruno"],
  ])("names every open concern and who raised it (%#)", (open, sentence) => {
    expect(blockingSentence(open)).toBe(sentence);
  });

  it("says what the votes alone would decide, and the projection reads it as it stands", () => {
    const blocked = withConcerns(passed, { blocks: true, open: [dana] });
    expect(blocked).toEqual({ ...passed, status: "failed", explanation: "Fails while 1 concern is open: 'Eval set leaks into training data' by Dana. Without it the votes pass: 3 binding +1, 0 binding -1; 3 needed." });
    expect(projectionSentence(blocked)).toBe("If it closed now: fails while 1 concern is open: 'Eval set leaks into training data' by Dana. Without it the votes pass: 3 binding +1, 0 binding -1; 3 needed.");
  });

  it("drops the winner of a blocked option vote", () => {
    const blocked = withConcerns({ ...passed, winner: "mit" }, { blocks: true, open: [dana] });
    expect(blocked.winner).toBeUndefined();
    expect(blocked.status).toBe("failed");
  });

  it("tells a release in review why it cannot go to a vote", () => {
    expect(releaseBlockSentence([dana])).toBe("The release cannot go to a vote while 1 concern is open: 'Eval set leaks into training data' by Dana. The person who raised it resolves it, or a steward overrides it with a reason.");
    expect(releaseBlockSentence([dana, chen])).toMatch(/^The release cannot go to a vote while 2 concerns are open: .* The person who raised each resolves it/);
  });
});

describe("withConcerns", () => {
  it("leaves the tally alone when the charter does not let concerns block, or none is open", () => {
    expect(withConcerns(passed, { blocks: false, open: [dana] })).toBe(passed);
    expect(withConcerns(passed, { blocks: true, open: [] })).toBe(passed);
    expect(withConcerns(passed, undefined)).toBe(passed);
  });

  it("never changes a failure or a missing quorum (a concern never helps a vote pass)", () => {
    fc.assert(
      fc.property(fc.constantFrom<Outcome["status"]>("failed", "no-quorum"), fc.boolean(), fc.array(fc.record({ title: fc.string(), raisedBy: fc.string() })), (status, blocks, open) => {
        const outcome = { ...passed, status, explanation: "Failed: 1 binding +1." };
        expect(withConcerns(outcome, { blocks, open })).toBe(outcome);
      }),
    );
  });

  it("turns every pass into a failure while a blocking concern is open", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ title: fc.string({ minLength: 1 }), raisedBy: fc.string({ minLength: 1 }) }), { minLength: 1, maxLength: 5 }), (open) => {
        expect(withConcerns(passed, { blocks: true, open }).status).toBe("failed");
      }),
    );
  });

  it("is applied by the close before the audit gate", () => {
    const voters = ["a", "b", "c"].map((userId) => ({ userId, binding: true }));
    const ballots = voters.map((v) => ({ userId: v.userId, choice: "+1", castAt: new Date(0) }));
    const closed = closingOutcome({ method: "apache-release", params: { minPlusOnes: 3 }, voters, ballots, closedBy: "deadline", concerns: { blocks: true, open: [dana] } });
    expect(closed.status).toBe("failed");
    expect(closed.explanation).toBe("Fails while 1 concern is open: 'Eval set leaks into training data' by Dana. Without it the votes pass: 3 binding +1, 0 binding -1; 3 needed.");
    expect(closingOutcome({ method: "apache-release", params: { minPlusOnes: 3 }, voters, ballots, closedBy: "deadline", concerns: { blocks: true, open: [] } }).status).toBe("passed");
  });
});

describe("finalityWithConcerns", () => {
  it("makes a settled pass not final while a blocking concern is open, with the reason", () => {
    expect(finalityWithConcerns({ final: true, outcome: passed }, { blocks: true, open: [dana] })).toEqual({
      final: false,
      reason: "Fails while 1 concern is open: 'Eval set leaks into training data' by Dana; it must be resolved or overridden before this decision can pass.",
    });
  });

  it("keeps a settled failure final, and a non-final answer as it is", () => {
    const failed = { final: true as const, outcome: { ...passed, status: "failed" as const } };
    expect(finalityWithConcerns(failed, { blocks: true, open: [dana] })).toBe(failed);
    const notFinal = { final: false as const, reason: "1 binding voter can still vote; the outcome could still change." };
    expect(finalityWithConcerns(notFinal, { blocks: true, open: [dana] })).toBe(notFinal);
    expect(finalityWithConcerns({ final: true, outcome: passed }, { blocks: false, open: [dana] })).toEqual({ final: true, outcome: passed });
  });
});

describe("when a concern may be raised, resolved or overridden", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const later = new Date("2026-12-03T12:00:00Z");
  it.each([
    [{ kind: "decision" as const, status: "open", closesAt: later }, null],
    [{ kind: "decision" as const, status: "open", closesAt: now }, "Concerns can be raised only while a decision is open; this one is past its closing time."],
    [{ kind: "decision" as const, status: "closed", closesAt: later }, "Concerns can be raised only while a decision is open; this one is closed."],
    [{ kind: "decision" as const, status: "cancelled", closesAt: later }, "Concerns can be raised only while a decision is open; this one is cancelled."],
    [{ kind: "release" as const, status: "in_review" }, null],
    [{ kind: "release" as const, status: "voting" }, "Concerns can be raised on a release only while it is in review; this one is voting."],
    [{ kind: "release" as const, status: "draft" }, "Concerns can be raised on a release only while it is in review; this one is draft."],
  ])("raise on %o -> %s", (subject, message) => {
    expect(raiseRefusal(subject, now)?.message ?? null).toBe(message);
  });

  it("closes a concern only while it still matters: an open decision before its closing time, a release in review or voting", () => {
    expect(isLive({ kind: "decision", status: "open", closesAt: later }, now)).toBe(true);
    expect(closeRefusal({ kind: "decision", status: "open", closesAt: now }, now)?.message).toBe("The decision is past its closing time, so its concerns stay as they were when it closed.");
    expect(closeRefusal({ kind: "decision", status: "closed" }, now)?.code).toBe("SUBJECT_CLOSED");
    expect(closeRefusal({ kind: "release", status: "voting" }, now)).toBeNull();
    expect(closeRefusal({ kind: "release", status: "approved" }, now)?.message).toBe("The release is approved, so its concerns stay as they were when it closed.");
  });
});

describe("the charter's concernsBlock", () => {
  it("defaults to false for every kind, in the default charter and in a stored charter written before it existed", () => {
    for (const kind of decisionKinds) expect(defaultCharter().decisions[kind].concernsBlock).toBe(false);
    const old = JSON.parse(JSON.stringify(defaultCharter())) as { decisions: Record<string, Record<string, unknown>> };
    for (const rule of Object.values(old.decisions)) delete rule.concernsBlock;
    const parsed = parseCharter(old);
    expect(parsed.ok && decisionKinds.map((kind) => parsed.value.decisions[kind].concernsBlock)).toEqual(decisionKinds.map(() => false));
  });

  it("refuses a value that is not true or false", () => {
    const raw = JSON.parse(JSON.stringify(defaultCharter())) as { decisions: { release: Record<string, unknown> } };
    raw.decisions.release.concernsBlock = "yes";
    expect(parseCharter(raw)).toMatchObject({ ok: false, issues: [{ path: "decisions.release.concernsBlock" }] });
  });

  it("is said in plain words, and an amendment that turns it on says so", () => {
    const on = defaultCharter();
    on.decisions.licensing.concernsBlock = true;
    const licensing = describeCharter(on).decisions.find((d) => d.kind === "licensing")?.sentence ?? "";
    expect(licensing).toMatch(/ An open concern raised by a binding voter keeps it from passing until resolved or overridden\.$/);
    expect(describeCharter(defaultCharter()).decisions.every((d) => !d.sentence.includes("concern"))).toBe(true);
    expect(diffCharter(defaultCharter(), on)).toEqual(["Licensing votes: open concerns block passing no → yes"]);
  });
});
