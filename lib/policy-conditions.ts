// The policy's conditions: refusals narrower than a rule's roles, which lib/policy.ts attaches to its rules.
// The *Refusal functions are also run by the mutations on locked rows, as a guard against a concurrent change.
import { findingStatusLabels, type FindingStatus } from "@/lib/audits/finding-status";
import type { Condition, PolicyResource, Refusal, SpaceRole } from "@/lib/policy-resource";
import { charterRoleDefaults, reviewers, stewards } from "@/lib/policy-role-groups";
import { roleList, withArticle } from "@/lib/roles";

export const requireFact = <T>(value: T | undefined, action: string, what: string): T => {
  if (value === undefined) throw new Error(`policy: '${action}' needs ${what}`);
  return value;
};

/** A report's author does not review it, whatever their role. */
export const notOwnReport: Condition = ({ actor, resource, action }) =>
  requireFact(resource.authorId, action, "the report's authorId") === actor.id
    ? { code: "OWN_REPORT", message: "You cannot review your own audit report; ask another auditor or steward.", kind: "forbidden" }
    : null;

/**
 * Granting or taking away ownership needs a role the charter lists in whoGrantsOwner. Checked against the
 * locked membership rows by the mutation too (members/rules.ts), as a guard against a concurrent change.
 */
export function ownerChangeRefusal({
  actorRole,
  from,
  to,
  whoGrantsOwner,
}: {
  actorRole: SpaceRole;
  from: SpaceRole;
  to: SpaceRole;
  whoGrantsOwner: readonly SpaceRole[];
}): Refusal | null {
  // No change grants nothing: the use case answers that itself.
  if (from === to || (from !== "owner" && to !== "owner") || whoGrantsOwner.includes(actorRole)) return null;
  return {
    code: "OWNER_GRANT_FORBIDDEN",
    message: `The charter lets only ${roleList(whoGrantsOwner, "and")} make someone an owner or change an owner's role.`,
    kind: "forbidden",
  };
}

const whoGrantsOwnerOf = (resource: PolicyResource) => resource.charter?.membership.whoGrantsOwner ?? charterRoleDefaults.whoGrantsOwner;

/** Inviting or adding someone as an owner needs a role the charter lists in whoGrantsOwner. */
export const ownerGrant =
  (message: string): Condition =>
  ({ role, resource }) =>
    resource.grant === "owner" && !(role && whoGrantsOwnerOf(resource).includes(role)) ? { code: "OWNER_GRANT_FORBIDDEN", message, kind: "forbidden" } : null;

export const ownerChange: Condition = ({ role, resource }) =>
  resource.roleChange && role
    ? ownerChangeRefusal({ actorRole: role, ...resource.roleChange, whoGrantsOwner: whoGrantsOwnerOf(resource) })
    : null;

/** Only owners remove owners (leaving is not removing). Checked by the mutation too, after the last-owner rule. */
export function ownerRemovalRefusal({ actorRole, targetRole }: { actorRole: SpaceRole; targetRole: SpaceRole }): Refusal | null {
  return targetRole === "owner" && actorRole !== "owner"
    ? { code: "OWNER_REMOVAL_FORBIDDEN", message: "Only an owner can remove another owner.", kind: "forbidden" }
    : null;
}

export const ownerRemoval: Condition = ({ role, resource }) =>
  resource.targetRole && role ? ownerRemovalRefusal({ actorRole: role, targetRole: resource.targetRole }) : null;

/**
 * Who may move a finding where:
 * - verifying, or rejecting a mitigation (mitigated -> acknowledged), takes an owner, steward or auditor;
 * - closing a finding without a fix (accepted_risk, wont_fix) takes an owner or steward, since a resolved
 *   finding no longer blocks the release;
 * - reopening takes an owner, steward, auditor or the report's author;
 * - acknowledging and mitigating are open to any member.
 * Whether the move exists at all, and what note it needs, are the lifecycle's rules (audits/rules.ts).
 */
export function findingMoveRefusal({
  actorRole,
  isReportAuthor,
  from,
  to,
}: {
  actorRole: SpaceRole;
  isReportAuthor: boolean;
  from: FindingStatus;
  to: FindingStatus;
}): (Refusal & { code: "FORBIDDEN_ROLE" | "STEWARD_ONLY" }) | null {
  const reviewer = (reviewers as readonly SpaceRole[]).includes(actorRole);
  if (to === "verified" || (from === "mitigated" && to === "acknowledged")) {
    if (!reviewer) {
      const act = to === "verified" ? "verify" : "reject";
      return { code: "FORBIDDEN_ROLE", message: `Only an owner, steward or auditor can ${act} a mitigation; you are ${withArticle(actorRole)}.`, kind: "forbidden" };
    }
  }
  if ((to === "accepted_risk" || to === "wont_fix") && !(stewards as readonly SpaceRole[]).includes(actorRole)) {
    return {
      code: "STEWARD_ONLY",
      message: `Only an owner or steward can mark a finding as ${findingStatusLabels[to]}; you are ${withArticle(actorRole)}.`,
      kind: "forbidden",
    };
  }
  if (to === "open" && !isReportAuthor && !reviewer) {
    return { code: "FORBIDDEN_ROLE", message: "Only an owner, steward, auditor or the report's author can reopen a finding.", kind: "forbidden" };
  }
  return null;
}

export const findingMove: Condition = ({ actor, role, resource, action }) =>
  resource.finding && role
    ? findingMoveRefusal({
        actorRole: role,
        isReportAuthor: requireFact(resource.authorId, action, "the report's authorId") === actor.id,
        ...resource.finding,
      })
    : null;

