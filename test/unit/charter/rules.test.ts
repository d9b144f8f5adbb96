import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { defaultCharter, eligibleVoters, votingWindowCheck, decisionKinds, type DecisionKind } from "@/lib/charter/rules";
import { roles, type Role } from "@/lib/roles";

const members: Array<{ userId: string; role: Role }> = [
  { userId: "u_ada", role: "owner" },
  { userId: "u_grace", role: "steward" },
  { userId: "u_linus", role: "auditor" },
  { userId: "u_margaret", role: "member" },
];

describe("eligibleVoters", () => {
  it("gives owners and stewards a binding vote and auditors and members an advisory one by default", () => {
    expect(eligibleVoters({ charter: defaultCharter(), kind: "release", members })).toEqual([
      { userId: "u_ada", binding: true },
      { userId: "u_grace", binding: true },
      { userId: "u_linus", binding: false },
      { userId: "u_margaret", binding: false },
    ]);
  });

  it("excludes roles that are neither binding nor advisory", () => {
    const charter = defaultCharter();
    charter.decisions.licensing.bindingRoles = ["owner"];
    charter.decisions.licensing.advisoryRoles = ["auditor"];
    expect(eligibleVoters({ charter, kind: "licensing", members })).toEqual([
      { userId: "u_ada", binding: true },
      { userId: "u_linus", binding: false },
    ]);
  });

  it("keeps the strongest standing for a user listed twice", () => {
    const result = eligibleVoters({
      charter: defaultCharter(),
      kind: "policy",
      members: [
        { userId: "u_sam", role: "member" },
        { userId: "u_sam", role: "steward" },
      ],
    });
    expect(result).toEqual([{ userId: "u_sam", binding: true }]);
  });

  it("marks a voter binding exactly when the charter gives their role a binding vote", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...decisionKinds),
        fc.subarray([...roles], { minLength: 1 }),
        fc.array(fc.record({ userId: fc.uuid(), role: fc.constantFrom(...roles) }), { maxLength: 20 }),
        (kind, binding, people) => {
          const charter = defaultCharter();
          charter.decisions[kind].bindingRoles = binding;
          charter.decisions[kind].advisoryRoles = roles.filter((r) => !binding.includes(r) && r !== "member");
          const unique = [...new Map(people.map((p) => [p.userId, p])).values()];
          const voters = eligibleVoters({ charter, kind, members: unique });
          for (const person of unique) {
            const voter = voters.find((v) => v.userId === person.userId);
            if (binding.includes(person.role)) expect(voter?.binding).toBe(true);
            else if (person.role === "member") expect(voter).toBeUndefined();
            else expect(voter?.binding).toBe(false);
          }
        },
      ),
    );
  });
});

describe("votingWindowCheck", () => {
  const opensAt = new Date("2025-03-03T09:00:00Z");
  const after = (hours: number) => new Date(opensAt.getTime() + hours * 3_600_000);
  const oneSecond = 1 / 3600;

  it.each<[DecisionKind, number, "ok" | "VOTING_PERIOD_TOO_SHORT" | "VOTING_PERIOD_TOO_LONG"]>([
    ["release", 72, "ok"],
    ["release", 72 - oneSecond, "VOTING_PERIOD_TOO_SHORT"],
    ["release", 336, "ok"],
    ["release", 336 + oneSecond, "VOTING_PERIOD_TOO_LONG"],
    ["licensing", 168, "ok"],
    ["licensing", 167, "VOTING_PERIOD_TOO_SHORT"],
    ["licensing", 504, "ok"],
    ["licensing", 505, "VOTING_PERIOD_TOO_LONG"],
    ["membership", 0, "VOTING_PERIOD_TOO_SHORT"],
    ["membership", -5, "VOTING_PERIOD_TOO_SHORT"],
  ])("%s vote open %d hours → %s", (kind, hours, expected) => {
    const result = votingWindowCheck({ charter: defaultCharter(), kind, opensAt, closesAt: after(hours) });
    expect(result.ok ? "ok" : result.code).toBe(expected);
  });

  it("explains a too-short window in the charter's own terms", () => {
    const result = votingWindowCheck({ charter: defaultCharter(), kind: "release", opensAt, closesAt: after(48) });
    expect(result).toEqual({
      ok: false,
      code: "VOTING_PERIOD_TOO_SHORT",
      message: "Release votes must stay open at least 72 hours; this vote would be open only 48 hours. Choose a later closing time.",
    });
  });

  it("explains a too-long window and one that closes before it opens", () => {
    const long = votingWindowCheck({ charter: defaultCharter(), kind: "charter", opensAt, closesAt: after(24 * 30) });
    expect(long.ok === false && long.message).toBe(
      "Charter votes may stay open at most 21 days; this vote would be open 30 days. Choose an earlier closing time.",
    );
    const backwards = votingWindowCheck({ charter: defaultCharter(), kind: "policy", opensAt, closesAt: after(-1) });
    expect(backwards.ok === false && backwards.message).toContain("this vote closes before it opens");
  });

  it("allows a zero-length minimum when the charter sets none", () => {
    const charter = defaultCharter();
    charter.decisions.policy.minHours = 0;
    expect(votingWindowCheck({ charter, kind: "policy", opensAt, closesAt: opensAt })).toEqual({ ok: true, hours: 0 });
  });
});
