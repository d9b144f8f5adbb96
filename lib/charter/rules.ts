// Charter rules: the default charter, who may vote on a decision and how long a vote may run.
import type { Charter, DecisionKind, DecisionRule } from "@/lib/charter/schema";
import { charterRoleDefaults } from "@/lib/policy-role-groups";
import type { Role } from "@/lib/roles";
import { decisionTitles, formatHours } from "@/lib/charter/describe";

export * from "@/lib/charter/schema";
export { describeCharter, diffCharter, type CharterDescription } from "@/lib/charter/describe";

const binding: readonly Role[] = charterRoleDefaults.bindingRoles;
const advisory: readonly Role[] = charterRoleDefaults.advisoryRoles;
const days = (n: number) => n * 24;

function rule(overrides: Partial<DecisionRule> & Pick<DecisionRule, "method">): DecisionRule {
  return {
    quorum: null,
    threshold: 0.5,
    minPlusOnes: 0,
    minHours: 72,
    maxHours: days(14),
    bindingRoles: [...binding],
    advisoryRoles: [...advisory],
    veto: false,
    earlyClose: false,
    ...overrides,
  };
}

/** Defaults modelled on the Apache release process; every call returns a fresh, mutable copy. */
export function defaultCharter(): Charter {
  return {
    decisions: {
      release: rule({ method: "apache-release", minPlusOnes: 3 }),
      licensing: rule({
        method: "yes-no",
        threshold: 2 / 3,
        quorum: { type: "share", value: 0.5 },
        minHours: days(7),
        maxHours: days(21),
      }),
      deployment: rule({ method: "apache-consensus", minPlusOnes: 3, veto: true }),
      policy: rule({ method: "yes-no", quorum: { type: "share", value: 0.5 } }),
      // Lazy consensus means silence is assent, so a single binding objection must stop it.
      membership: rule({ method: "lazy-consensus", veto: true }),
      charter: rule({
        method: "yes-no",
        threshold: 2 / 3,
        quorum: { type: "share", value: 0.5 },
        minHours: days(7),
        maxHours: days(21),
      }),
    },
    audits: {
      blockingSeverity: "high",
      requiredCategories: ["safety", "license-compliance"],
      fileRoles: [...charterRoleDefaults.fileRoles],
    },
    membership: { whoInvites: [...charterRoleDefaults.whoInvites], whoGrantsOwner: [...charterRoleDefaults.whoGrantsOwner] },
    amendments: { viaDecision: false },
  };
}

export type EligibleVoter = { userId: string; binding: boolean };

/**
 * Members whose role has a binding or advisory vote on `kind`, in input order.
 * A user listed twice keeps their strongest standing.
 */
export function eligibleVoters({
  charter,
  kind,
  members,
}: {
  charter: Charter;
  kind: DecisionKind;
  members: ReadonlyArray<{ userId: string; role: Role }>;
}): EligibleVoter[] {
  const { bindingRoles, advisoryRoles } = charter.decisions[kind];
  const byUser = new Map<string, EligibleVoter>();
  for (const { userId, role } of members) {
    const isBinding = bindingRoles.includes(role);
    if (!isBinding && !advisoryRoles.includes(role)) continue;
    const existing = byUser.get(userId);
    if (existing) existing.binding ||= isBinding;
    else byUser.set(userId, { userId, binding: isBinding });
  }
  return [...byUser.values()];
}

export type VotingWindowResult =
  | { ok: true; hours: number }
  | { ok: false; code: "VOTING_PERIOD_TOO_SHORT" | "VOTING_PERIOD_TOO_LONG"; message: string };

const HOUR_MS = 60 * 60 * 1000;

function formatSpan(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return Number.isInteger(rounded) ? formatHours(rounded) : `${rounded} hours`;
}

/** Checks a proposed voting window against the charter's minimum and maximum period for `kind`. */
export function votingWindowCheck({
  charter,
  kind,
  opensAt,
  closesAt,
}: {
  charter: Charter;
  kind: DecisionKind;
  opensAt: Date;
  closesAt: Date;
}): VotingWindowResult {
  const { minHours, maxHours } = charter.decisions[kind];
  const hours = (closesAt.getTime() - opensAt.getTime()) / HOUR_MS;
  const title = decisionTitles[kind];
  if (hours < minHours) {
    const span = hours < 0 ? "closes before it opens" : `would be open only ${formatSpan(hours)}`;
    return {
      ok: false,
      code: "VOTING_PERIOD_TOO_SHORT",
      message: `${title} must stay open at least ${formatHours(minHours)}; this vote ${span}. Choose a later closing time.`,
    };
  }
  if (hours > maxHours) {
    return {
      ok: false,
      code: "VOTING_PERIOD_TOO_LONG",
      message: `${title} may stay open at most ${formatHours(maxHours)}; this vote would be open ${formatSpan(hours)}. Choose an earlier closing time.`,
    };
  }
  return { ok: true, hours };
}
