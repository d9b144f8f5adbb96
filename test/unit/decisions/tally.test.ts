import { describe, expect, it } from "vitest";
import { measureQuorum, pickCurrentBallots } from "@/lib/decisions/methods/shared";
import { tally } from "@/lib/decisions/methods/tally";
import type { Ballot, Quorum } from "@/lib/decisions/methods/types";
import { at, releaseOptions } from "@/test/unit/decisions/fixtures";

const voters = [
  { userId: "usr_ana", binding: true },
  { userId: "usr_ben", binding: true },
  { userId: "usr_cho", binding: false },
];

describe("tally mechanics", () => {
  it("ignores ballots from non-voters and ballots with invalid choices", () => {
    const ballots: Ballot[] = [
      { userId: "usr_ana", choice: "yes", castAt: at(1) },
      { userId: "usr_mallory", choice: "yes", castAt: at(2) },
      { userId: "usr_ben", choice: "definitely", castAt: at(3) },
    ];
    const outcome = tally({ method: "yes-no", params: {}, voters, ballots });
    expect(outcome.ignored).toBe(2);
    expect(outcome.counts).toEqual({ yes: 1, no: 0, abstain: 0 });
    expect(outcome.status).toBe("passed");
  });

  it("uses the latest ballot per voter whatever the array order", () => {
    const ballots: Ballot[] = [
      { userId: "usr_ana", choice: "no", castAt: at(9) },
      { userId: "usr_ana", choice: "yes", castAt: at(2) },
      { userId: "usr_ben", choice: "yes", castAt: at(3) },
    ];
    const outcome = tally({ method: "yes-no", params: {}, voters, ballots });
    expect(outcome.counts).toEqual({ yes: 1, no: 1, abstain: 0 });
    expect(outcome.status).toBe("failed");
  });

  it("breaks equal castAt by array order, last wins", () => {
    const ballots: Ballot[] = [
      { userId: "usr_ana", choice: "+1", castAt: at(4) },
      { userId: "usr_ana", choice: "-1", reason: "Changed my mind after the eval report.", castAt: at(4) },
    ];
    const outcome = tally({ method: "apache-consensus", params: { minPlusOnes: 1 }, voters, ballots });
    expect(outcome.status).toBe("failed");
    expect(outcome.vetoes).toEqual([{ userId: "usr_ana", reason: "Changed my mind after the eval report." }]);
    expect(outcome.ignored).toBe(0);
  });

  it("treats a voter listed twice as binding if either entry is", () => {
    const outcome = tally({
      method: "lazy-consensus",
      params: {},
      voters: [...voters, { userId: "usr_cho", binding: true }],
      ballots: [{ userId: "usr_cho", choice: "-1", castAt: at(1) }],
    });
    expect(outcome.status).toBe("failed");
  });

  it("ignores ballots whose option no longer exists", () => {
    const outcome = tally({
      method: "plurality",
      params: { options: releaseOptions },
      voters,
      ballots: [
        { userId: "usr_ana", choice: "opt_removed", castAt: at(1) },
        { userId: "usr_ben", choice: "opt_drop", castAt: at(2) },
      ],
    });
    expect(outcome.ignored).toBe(1);
    expect(outcome.winner).toBe("opt_drop");
  });

  it("derives option order from ballots when a decision has no options", () => {
    const outcome = tally({
      method: "plurality",
      params: {},
      voters,
      ballots: [
        { userId: "usr_ana", choice: "zeta", castAt: at(1) },
        { userId: "usr_ben", choice: "alpha", castAt: at(2) },
      ],
    });
    expect(outcome.counts).toEqual({ alpha: 1, zeta: 1 });
    expect(outcome.winner).toBe("alpha");
    expect(outcome.explanation).toContain('"alpha" and "zeta" tied');
  });
});

describe("pickCurrentBallots", () => {
  it("returns one ballot per user in casting order", () => {
    const current = pickCurrentBallots([
      { userId: "usr_ben", choice: "no", castAt: at(5) },
      { userId: "usr_ana", choice: "yes", castAt: at(1) },
      { userId: "usr_ben", choice: "yes", castAt: at(2) },
    ]);
    expect(current.map((ballot) => [ballot.userId, ballot.choice])).toEqual([
      ["usr_ana", "yes"],
      ["usr_ben", "no"],
    ]);
  });
});

describe("measureQuorum", () => {
  it.each<[Quorum, number, number, { needed: number; met: boolean }]>([
    [{ type: "share", value: 0.5 }, 7, 4, { needed: 4, met: true }],
    [{ type: "share", value: 0.5 }, 7, 3, { needed: 4, met: false }],
    [{ type: "share", value: 0.5 }, 8, 4, { needed: 4, met: true }],
    [{ type: "share", value: 0.3 }, 10, 3, { needed: 3, met: true }],
    [{ type: "share", value: 0 }, 10, 0, { needed: 0, met: true }],
    [{ type: "share", value: 1 }, 3, 2, { needed: 3, met: false }],
    [{ type: "count", value: 3 }, 2, 2, { needed: 3, met: false }],
    [{ type: "count", value: 0 }, 5, 0, { needed: 0, met: true }],
  ])("%j of %i eligible with %i cast", (quorum, bindingEligible, bindingCast, expected) => {
    expect(measureQuorum({ quorum, bindingEligible, bindingCast })).toEqual({ ...expected, reached: bindingCast });
  });
});
