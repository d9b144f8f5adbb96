// The one authorization policy: (actor, action, resource) -> allow, or deny with a reason.
// Every server action and API route asks here; pages that hide buttons are a courtesy, not a check.
import { DomainError, type ErrorKind } from "@/lib/result";

export type SpaceRole = "owner" | "steward" | "auditor" | "member";
export const spaceRoles: readonly SpaceRole[] = ["owner", "steward", "auditor", "member"];

export type PolicyActor = { id: string } | null;

export type PolicyResource = {
  /** The space the action touches, with the actor's role in it (null when not a member). */
  space?: { visibility: "public" | "private"; role: SpaceRole | null };
  /** For personal resources (tokens, profile): whose they are. */
  ownerId?: string;
  /** For actions the charter governs: the roles it allows, read from the space's current charter. */
  charterRoles?: readonly SpaceRole[];
  /** For a proposal (a release): the user who proposed it. */
  proposerId?: string;
};

type Who =
  | { kind: "anyone" } // public readers included, subject to space visibility
  | { kind: "signed-in" }
  | { kind: "self" } // the owner of a personal resource
  | { kind: "roles"; roles: readonly SpaceRole[] } // fixed roles in the space
  | { kind: "charter"; fallback: readonly SpaceRole[] } // roles the charter names
  | { kind: "proposer-or-roles"; roles: readonly SpaceRole[] }; // the proposal's own proposer (still a member), or these roles

type Rule = { who: Who; describe: string };

const stewards = ["owner", "steward"] as const;
const anyMember = ["owner", "steward", "auditor", "member"] as const;

/** The whole table. A new action needs a row here, and the policy test fails until it is covered. */
export const policyTable = {
  "token.create": { who: { kind: "signed-in" }, describe: "Create a personal access token" },
  "token.list": { who: { kind: "self" }, describe: "See your own tokens" },
  "token.revoke": { who: { kind: "self" }, describe: "Revoke your own token" },
  "space.create": { who: { kind: "signed-in" }, describe: "Create a space" },
  "space.view": { who: { kind: "anyone" }, describe: "Read a space and everything in it" },
  "space.update": { who: { kind: "roles", roles: ["owner"] }, describe: "Change a space's settings" },
  "member.list": { who: { kind: "anyone" }, describe: "See a space's members" },
  "member.invite": { who: { kind: "charter", fallback: stewards }, describe: "Invite people to a space" },
  "member.add": { who: { kind: "charter", fallback: stewards }, describe: "Add an existing user to a space" },
  "member.change-role": { who: { kind: "roles", roles: stewards }, describe: "Change a member's role" },
  "member.remove": { who: { kind: "roles", roles: stewards }, describe: "Remove a member" },
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
  "audit.file": { who: { kind: "charter", fallback: ["owner", "steward", "auditor"] }, describe: "File an audit report" },
  "audit.review": { who: { kind: "roles", roles: ["owner", "steward", "auditor"] }, describe: "Review an audit report" },
  "finding.transition": { who: { kind: "roles", roles: anyMember }, describe: "Move a finding through its lifecycle" },
  "decision.view": { who: { kind: "anyone" }, describe: "Read decisions and their ballots" },
  "decision.open": { who: { kind: "roles", roles: stewards }, describe: "Open a decision" },
  "ballot.cast": { who: { kind: "roles", roles: anyMember }, describe: "Vote" },
  "decision.close": { who: { kind: "roles", roles: stewards }, describe: "Close a decision early" },
  "decision.cancel": { who: { kind: "roles", roles: stewards }, describe: "Cancel a decision" },
  "history.view": { who: { kind: "anyone" }, describe: "Read the governance record" },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policyTable;
export const actions = Object.keys(policyTable) as Action[];

export type PolicyDecision =
  | { allow: true }
  | { allow: false; code: string; message: string; kind: ErrorKind };

const deny = (code: string, message: string, kind: ErrorKind): PolicyDecision => ({ allow: false, code, message, kind });

/** "owners, stewards or auditors" */
export function roleList(roles: readonly SpaceRole[], conjunction: "or" | "and" = "or"): string {
  return roles.map((r) => `${r}s`).join(", ").replace(/, ([^,]*)$/, ` ${conjunction} $1`);
}

/** "an owner", "a steward" */
export function withArticle(role: SpaceRole): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}

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
  const yours = space.role ? `you are ${withArticle(space.role)}` : "you are not a member of this space";
  if (who.kind === "proposer-or-roles") {
    if (resource.proposerId === undefined) throw new Error(`policy: '${action}' needs the proposal's proposerId`);
    // A proposer who has left the space no longer acts in it.
    if (space.role && (resource.proposerId === actor.id || who.roles.includes(space.role))) return { allow: true };
    return deny("FORBIDDEN", `Only the proposer, ${roleList(who.roles)} may ${rule.describe.toLowerCase()}; ${yours}.`, "forbidden");
  }
  const allowed = who.kind === "roles" ? who.roles : (resource.charterRoles ?? who.fallback);
  if (space.role && allowed.includes(space.role)) return { allow: true };
  return deny("FORBIDDEN", `Only ${roleList(allowed)} may ${rule.describe.toLowerCase()}; ${yours}.`, "forbidden");
}

/** Throws a DomainError (turned into an error result at the boundary) unless the policy allows. */
export function authorize(actor: PolicyActor, action: Action, resource: PolicyResource = {}): void {
  const decision = can(actor, action, resource);
  if (!decision.allow) throw new DomainError(decision.code, decision.message, decision.kind);
}
