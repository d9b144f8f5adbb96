// The vocabulary of the policy (lib/policy.ts): who asks, the facts about the resource, and a refusal.
import type { FindingStatus } from "@/lib/audits/finding-status";
import type { ErrorKind } from "@/lib/result";
import type { Role } from "@/lib/roles";

export type SpaceRole = Role;

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
  space?: {
    visibility: "public" | "private";
    role: SpaceRole | null;
    /** For a read-only mirror of a space on another instance (lib/archive/): where it is governed. */
    mirrorOf: string | null;
  };
  /** For personal resources (tokens, profile): whose they are. */
  ownerId?: string;
  /** The space's current charter, for the actions it governs and for granting ownership. */
  charter?: CharterRoles;
  /** For a proposal (a release): the user who proposed it. */
  proposerId?: string;
  /** For an audit report, or a finding in one: the user who filed the report; for a comment: its author. */
  authorId?: string;
  /** For inviting or adding someone: the role they would get. */
  grant?: SpaceRole;
  /** For changing a member's role: the role they have and the one they would get. */
  roleChange?: { from: SpaceRole; to: SpaceRole };
  /** For removing a member: the role of the one removed. */
  targetRole?: SpaceRole;
  /** For moving a finding: where it is and where it would go. */
  finding?: { from: FindingStatus; to: FindingStatus };
  /** For raising a concern: whether the actor votes bindingly on its subject (frozen eligibility, or the charter's release roles). */
  bindingVoter?: boolean;
  /** For resolving a concern: who raised it. */
  raisedById?: string;
};

/** What a condition sees: a signed-in actor, their role in the space (null: not a member) and the resource. */
export type Facts = { actor: { id: string }; role: SpaceRole | null; resource: PolicyResource; action: string };
/** A refusal narrower than the rule's roles, or null when the condition does not refuse. */
export type Condition = (facts: Facts) => Refusal | null;

export type Refusal = { code: string; message: string; kind: ErrorKind };
