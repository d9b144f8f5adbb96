// The one authorization policy: (actor, action, resource) -> allow, or deny with a reason.
// Every server action and API route asks here; pages that hide buttons are a courtesy, not a check.
import { findingStatusLabels, type FindingStatus } from "@/lib/audits/finding-status";
import { DomainError, fail, type ErrorKind, type Result } from "@/lib/result";
import { roleList, roles, withArticle, type Role } from "@/lib/roles";

export type SpaceRole = Role;
export const spaceRoles: readonly SpaceRole[] = roles;

export type PolicyActor = { id: string } | null;

/** What the charter says about roles: the policy maps each charter-governed action to one of these lists. */
export type CharterRoles = {
  membership: { whoInvites: readonly SpaceRole[]; whoGrantsOwner: readonly SpaceRole[] };
  audits: { fileRoles: readonly SpaceRole[] };
};

/**
 * The facts about the resource the policy decides on. A fact a rule's condition reads is optional where the
 * question also makes sense without it ("may they change roles at all?", to show a control); the use cases
 * always pass it. A fact a rule cannot decide without (the proposer, the report's author) is required.
 */
export type PolicyResource = {
  /** The space the action touches, with the actor's role in it (null when not a member). */
  space?: { visibility: "public" | "private"; role: SpaceRole | null };
  /** For personal resources (tokens, profile): whose they are. */
  ownerId?: string;
  /** The space's current charter, for the actions it governs and for granting ownership. */
  charter?: CharterRoles;
  /** For a proposal (a release): the user who proposed it. */
  proposerId?: string;
  /** For an audit report, or a finding in one: the user who filed the report. */
  authorId?: string;
  /** For inviting or adding someone: the role they would get. */
  grant?: SpaceRole;
  /** For changing a member's role: the role they have and the one they would get. */
  roleChange?: { from: SpaceRole; to: SpaceRole };
  /** For removing a member: the role of the one removed. */
  targetRole?: SpaceRole;
  /** For moving a finding: where it is and where it would go. */
  finding?: { from: FindingStatus; to: FindingStatus };
};

type Who =
  | { kind: "anyone" } // public readers included, subject to space visibility
  | { kind: "signed-in" }
  | { kind: "self" } // the owner of a personal resource
  | { kind: "roles"; roles: readonly SpaceRole[] } // fixed roles in the space
  | { kind: "charter"; roles: (charter: CharterRoles) => readonly SpaceRole[]; fallback: readonly SpaceRole[] } // roles the charter names
  | { kind: "proposer-or-roles"; roles: readonly SpaceRole[] }; // the proposal's own proposer (still a member), or these roles

/** What a condition sees: a signed-in actor, their role in the space (null: not a member) and the resource. */
type Facts = { actor: { id: string }; role: SpaceRole | null; resource: PolicyResource; action: string };
/** A refusal narrower than the rule's roles, or null when the condition does not refuse. */
type Condition = (facts: Facts) => Refusal | null;

type Rule = {
  who: Who;
  describe: string;
  /** Checked before the roles: its answer is the specific one even for a role that would be allowed. */
  first?: Condition;
  /** Checked once the roles allow: narrows what an allowed role may do with this resource. */
  then?: Condition;
};

export type Refusal = { code: string; message: string; kind: ErrorKind };

const stewards = ["owner", "steward"] as const;
const reviewers = ["owner", "steward", "auditor"] as const;
const anyMember = roles;

/**
 * The defaults of the charter's role lists; a charter-governed action asked without a charter falls back to
 * them too. lib/charter/rules.ts builds the default charter from these, and the charter schema defaults to them.
 */
export const charterRoleDefaults = {
  fileRoles: reviewers,
  whoInvites: stewards,
  whoGrantsOwner: ["owner"],
  /** Who votes on a decision by default: binding, and advisory only. */
  bindingRoles: stewards,
  advisoryRoles: ["auditor", "member"],
} as const satisfies Record<string, readonly SpaceRole[]>;

const requireFact = <T>(value: T | undefined, action: string, what: string): T => {
  if (value === undefined) throw new Error(`policy: '${action}' needs ${what}`);
  return value;
};

/** A report's author does not review it, whatever their role. */
const notOwnReport: Condition = ({ actor, resource, action }) =>
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
const ownerGrant =
  (message: string): Condition =>
  ({ role, resource }) =>
    resource.grant === "owner" && !(role && whoGrantsOwnerOf(resource).includes(role)) ? { code: "OWNER_GRANT_FORBIDDEN", message, kind: "forbidden" } : null;

const ownerChange: Condition = ({ role, resource }) =>
  resource.roleChange && role
    ? ownerChangeRefusal({ actorRole: role, ...resource.roleChange, whoGrantsOwner: whoGrantsOwnerOf(resource) })
    : null;

/** Only owners remove owners (leaving is not removing). Checked by the mutation too, after the last-owner rule. */
export function ownerRemovalRefusal({ actorRole, targetRole }: { actorRole: SpaceRole; targetRole: SpaceRole }): Refusal | null {
  return targetRole === "owner" && actorRole !== "owner"
    ? { code: "OWNER_REMOVAL_FORBIDDEN", message: "Only an owner can remove another owner.", kind: "forbidden" }
    : null;
}

const ownerRemoval: Condition = ({ role, resource }) =>
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

const findingMove: Condition = ({ actor, role, resource, action }) =>
  resource.finding && role
    ? findingMoveRefusal({
        actorRole: role,
        isReportAuthor: requireFact(resource.authorId, action, "the report's authorId") === actor.id,
        ...resource.finding,
      })
    : null;

/** The whole table. A new action needs a row here, and the policy test fails until it is covered. */
export const policyTable = {
  "token.create": { who: { kind: "signed-in" }, describe: "Create a personal access token" },
  "token.list": { who: { kind: "self" }, describe: "See your own tokens" },
  "token.revoke": { who: { kind: "self" }, describe: "Revoke your own token" },
  "space.create": { who: { kind: "signed-in" }, describe: "Create a space" },
  "space.view": { who: { kind: "anyone" }, describe: "Read a space and everything in it" },
  "space.update": { who: { kind: "roles", roles: ["owner"] }, describe: "Change a space's settings" },
  "member.list": { who: { kind: "anyone" }, describe: "See a space's members" },
  "member.invite": {
    who: { kind: "charter", roles: (charter) => charter.membership.whoInvites, fallback: charterRoleDefaults.whoInvites },
    describe: "Invite people to a space",
    then: ownerGrant("The charter does not let you invite someone as an owner."),
  },
  "member.add": {
    who: { kind: "charter", roles: (charter) => charter.membership.whoInvites, fallback: charterRoleDefaults.whoInvites },
    describe: "Add an existing user to a space",
    then: ownerGrant("The charter does not let you make someone an owner."),
  },
  "member.change-role": { who: { kind: "roles", roles: stewards }, describe: "Change a member's role", then: ownerChange },
  "member.remove": { who: { kind: "roles", roles: stewards }, describe: "Remove a member", then: ownerRemoval },
  "member.leave": { who: { kind: "roles", roles: anyMember }, describe: "Leave a space" },
  "join.request": { who: { kind: "signed-in" }, describe: "Ask to join a public space" },
  "invitation.accept": { who: { kind: "signed-in" }, describe: "Accept an invitation" },
  "join.decide": { who: { kind: "roles", roles: stewards }, describe: "Accept or decline a join request" },
  "charter.view": { who: { kind: "anyone" }, describe: "Read the charter" },
  "charter.amend": { who: { kind: "roles", roles: ["owner"] }, describe: "Amend the charter directly" },
  "release.view": { who: { kind: "anyone" }, describe: "Read releases" },
  "release.propose": { who: { kind: "roles", roles: anyMember }, describe: "Propose a release" },
  "release.edit": { who: { kind: "proposer-or-roles", roles: stewards }, describe: "Edit a release proposal" },
  "release.submit": { who: { kind: "proposer-or-roles", roles: stewards }, describe: "Send a release to review, back to draft, or withdraw it" },
  "release.publish": { who: { kind: "roles", roles: stewards }, describe: "Publish an approved release" },
  "release.retire": { who: { kind: "roles", roles: stewards }, describe: "Deprecate or yank a published release" },
  "audit.view": { who: { kind: "anyone" }, describe: "Read audit reports" },
  "audit.file": {
    who: { kind: "charter", roles: (charter) => charter.audits.fileRoles, fallback: charterRoleDefaults.fileRoles },
    describe: "File an audit report",
  },
  "audit.review": { who: { kind: "roles", roles: reviewers }, describe: "Review an audit report", first: notOwnReport },
  "finding.transition": { who: { kind: "roles", roles: anyMember }, describe: "Move a finding through its lifecycle", then: findingMove },
  "decision.view": { who: { kind: "anyone" }, describe: "Read decisions and their ballots" },
  "decision.open": { who: { kind: "roles", roles: stewards }, describe: "Open a decision" },
  "ballot.cast": { who: { kind: "roles", roles: anyMember }, describe: "Vote" },
  "decision.close": { who: { kind: "roles", roles: stewards }, describe: "Close a decision early" },
  "decision.cancel": { who: { kind: "roles", roles: stewards }, describe: "Cancel a decision" },
  "history.view": { who: { kind: "anyone" }, describe: "Read the governance record" },
  "notification.list": { who: { kind: "self" }, describe: "See your own notifications" },
  "notification.mark-read": { who: { kind: "self" }, describe: "Mark your own notifications read" },
  "notification.preferences": { who: { kind: "self" }, describe: "Change your own notification settings" },
  // Watching needs only to see the space: a private space answers a non-member as missing.
  "watch.set": { who: { kind: "signed-in" }, describe: "Watch a space or an item in it, or stop" },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policyTable;
export const actions = Object.keys(policyTable) as Action[];

export type PolicyDecision =
  | { allow: true }
  | { allow: false; code: string; message: string; kind: ErrorKind };

const deny = (code: string, message: string, kind: ErrorKind): PolicyDecision => ({ allow: false, code, message, kind });

export function can(actor: PolicyActor, action: Action, resource: PolicyResource = {}): PolicyDecision {
  const rule: Rule = policyTable[action];
  const space = resource.space;
  // Private spaces do not exist for non-members: same answer as a space that was never there.
  if (space && space.visibility === "private" && !space.role) {
    return deny("NOT_FOUND", "No such space.", "not_found");
  }
  const who = rule.who;
  if (who.kind === "anyone") return { allow: true };
  if (!actor) return deny("UNAUTHENTICATED", `Sign in to ${rule.describe.toLowerCase()}.`, "unauthenticated");
  if (who.kind === "signed-in") return { allow: true };
  if (who.kind === "self") {
    return resource.ownerId === actor.id
      ? { allow: true }
      : deny("NOT_FOUND", "Not found.", "not_found"); // someone else's personal resource is not shown to exist
  }
  if (!space) throw new Error(`policy: '${action}' needs a space resource`);
  const facts: Facts = { actor, role: space.role, resource, action };
  const early = rule.first?.(facts);
  if (early) return deny(early.code, early.message, early.kind);
  const allowed = allowedBy(who, space, actor, resource, action);
  if (allowed !== true) {
    const yours = space.role ? `you are ${withArticle(space.role)}` : "you are not a member of this space";
    const whom = who.kind === "proposer-or-roles" ? `the proposer, ${roleList(allowed)}` : roleList(allowed);
    return deny("FORBIDDEN", `Only ${whom} may ${rule.describe.toLowerCase()}; ${yours}.`, "forbidden");
  }
  const narrowed = rule.then?.(facts);
  return narrowed ? deny(narrowed.code, narrowed.message, narrowed.kind) : { allow: true };
}

/** True when the actor's role (or, for a proposal, authorship) allows; otherwise the roles that would. */
function allowedBy(
  who: Exclude<Who, { kind: "anyone" | "signed-in" | "self" }>,
  space: NonNullable<PolicyResource["space"]>,
  actor: { id: string },
  resource: PolicyResource,
  action: Action,
): true | readonly SpaceRole[] {
  if (who.kind === "proposer-or-roles") {
    const proposerId = requireFact(resource.proposerId, action, "the proposal's proposerId");
    // A proposer who has left the space no longer acts in it.
    if (space.role && (proposerId === actor.id || who.roles.includes(space.role))) return true;
    return who.roles;
  }
  const roles = who.kind === "roles" ? who.roles : resource.charter ? who.roles(resource.charter) : who.fallback;
  return space.role && roles.includes(space.role) ? true : roles;
}

/** Whether an action is one the charter governs: its caller must pass the space's current charter. */
export function needsCharter(action: Action): boolean {
  return (policyTable[action].who as Who).kind === "charter";
}

/** Throws a DomainError (turned into an error result at the boundary) unless the policy allows. */
export function authorize(actor: PolicyActor, action: Action, resource: PolicyResource = {}): void {
  const decision = can(actor, action, resource);
  if (!decision.allow) throw new DomainError(decision.code, decision.message, decision.kind);
}

/** The policy's refusal as a failed Result, for use cases that answer a condition's refusal as a value; null when allowed. */
export function refusalOf(actor: PolicyActor, action: Action, resource: PolicyResource = {}): Result<never> | null {
  const decision = can(actor, action, resource);
  return decision.allow ? null : fail(decision.code, decision.message, decision.kind);
}
