// The one authorization policy: (actor, action, resource) -> allow, or deny with a reason.
// Every server action and API route asks here; pages that hide buttons are a courtesy, not a check.
import { bindingVoterOnly, findingMove, notOwnReport, ownComment, ownConcern, ownerChange, ownerGrant, ownerRemoval, requireFact } from "@/lib/policy-conditions";
import type { CharterRoles, Condition, Facts, PolicyActor, PolicyResource, SpaceRole } from "@/lib/policy-resource";
import { anyMember, charterRoleDefaults, reviewers, stewards } from "@/lib/policy-role-groups";
import { DomainError, fail, type ErrorKind, type Result } from "@/lib/result";
import { roleList, roles, withArticle } from "@/lib/roles";

export const spaceRoles: readonly SpaceRole[] = roles;

type Who =
  | { kind: "anyone" } // public readers included, subject to space visibility
  | { kind: "signed-in" }
  | { kind: "self" } // the owner of a personal resource
  | { kind: "roles"; roles: readonly SpaceRole[] } // fixed roles in the space
  | { kind: "charter"; roles: (charter: CharterRoles) => readonly SpaceRole[]; fallback: readonly SpaceRole[] } // roles the charter names
  | { kind: "proposer-or-roles"; roles: readonly SpaceRole[] }; // the proposal's own proposer (still a member), or these roles

type Rule = {
  who: Who;
  describe: string;
  /** Checked before the roles: its answer is the specific one even for a role that would be allowed. */
  first?: Condition;
  /** Checked once the roles allow: narrows what an allowed role may do with this resource. */
  then?: Condition;
};

/** The whole table. A new action needs a row here, and the policy test fails until it is covered. */
export const policyTable = {
  "token.create": { who: { kind: "signed-in" }, describe: "Create a personal access token" },
  "token.list": { who: { kind: "self" }, describe: "See your own tokens" },
  "token.revoke": { who: { kind: "self" }, describe: "Revoke your own token" },
  "profile.update": { who: { kind: "self" }, describe: "Change your own display name" },
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
  // Owners only: it hands a person's place, and so their standing in votes to come, to someone else.
  "identity.map": { who: { kind: "roles", roles: ["owner"] }, describe: "Map a person who arrived with the archive to someone of this instance" },
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
  "concern.view": { who: { kind: "anyone" }, describe: "Read concerns" },
  "concern.raise": { who: { kind: "roles", roles: anyMember }, describe: "Raise a concern", then: bindingVoterOnly },
  "concern.resolve": { who: { kind: "roles", roles: anyMember }, describe: "Resolve a concern", then: ownConcern },
  "concern.override": { who: { kind: "roles", roles: stewards }, describe: "Override a concern" },
  "history.view": { who: { kind: "anyone" }, describe: "Read the governance record" },
  "proposal.open": { who: { kind: "roles", roles: anyMember }, describe: "Start a proposal" },
  "proposal.link": { who: { kind: "roles", roles: stewards }, describe: "Turn a proposal into a decision or link it to a release" },
  "comment.post": { who: { kind: "roles", roles: anyMember }, describe: "Comment in a thread" },
  "comment.edit": { who: { kind: "roles", roles: anyMember }, describe: "Edit a comment", then: ownComment },
  "comment.delete": { who: { kind: "roles", roles: anyMember }, describe: "Delete a comment", then: ownComment },
  "comment.hide": { who: { kind: "roles", roles: stewards }, describe: "Hide a comment" },
  "comment.redact": { who: { kind: "roles", roles: stewards }, describe: "Redact a comment's text" },
  // Endpoints hold a signing secret and see every event type a steward picks: stewards only, reading included.
  "webhook.manage": { who: { kind: "roles", roles: stewards }, describe: "Manage the space's webhooks" },
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
  // The mirror rule below is only as good as its fact: a caller that forgot to say whether the space is a mirror
  // is a bug to catch here, not a write to let through.
  if (space && space.mirrorOf === undefined) throw new Error(`policy: '${action}' needs whether the space is a mirror (space.mirrorOf)`);
  // Private spaces do not exist for non-members: same answer as a space that was never there.
  if (space && space.visibility === "private" && !space.role) {
    return deny("NOT_FOUND", "No such space.", "not_found");
  }
  const who = rule.who;
  if (who.kind === "anyone") return { allow: true };
  // A mirror shows another instance's space as it is there: every change is made at the origin, by its members.
  if (space?.mirrorOf) {
    return deny("MIRROR_READ_ONLY", `This space is a read-only mirror of ${space.mirrorOf}: changes are made there, not here.`, "forbidden");
  }
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
