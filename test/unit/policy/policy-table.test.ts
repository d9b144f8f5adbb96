// The authorization policy as one complete table: every action, every role, members and strangers,
// public and private spaces. The expectations are written out by hand, not read from policyTable.
import { describe, it, expect } from "vitest";
import { actions, can, type Action, type PolicyDecision } from "@/lib/policy";
import type { CharterRoles, PolicyActor, PolicyResource, SpaceRole } from "@/lib/policy-resource";

type Who =
  | "anyone" // readers included, subject to the space's visibility
  | "signed-in"
  | "self" // personal resources: only their owner
  | readonly SpaceRole[] // fixed roles in the space
  | { charter: readonly SpaceRole[] } // the roles the charter names, with this default
  | { proposerOr: readonly SpaceRole[] } // the proposal's own proposer while a member, or these roles
  | { authorIn: readonly SpaceRole[] }; // these roles, and only on the actor's own comment

const roles: readonly SpaceRole[] = ["owner", "steward", "auditor", "member"];

const expectations: Record<string, Who> = {
  "token.create": "signed-in",
  "token.list": "self",
  "token.revoke": "self",
  "profile.update": "self",
  "space.create": "signed-in",
  "space.view": "anyone",
  "space.update": ["owner"],
  "member.list": "anyone",
  "member.invite": { charter: ["owner", "steward"] },
  "member.add": { charter: ["owner", "steward"] },
  "member.change-role": ["owner", "steward"],
  "member.remove": ["owner", "steward"],
  "member.leave": ["owner", "steward", "auditor", "member"],
  "identity.map": ["owner"],
  "join.request": "signed-in",
  "invitation.accept": "signed-in",
  "join.decide": ["owner", "steward"],
  "charter.view": "anyone",
  "charter.amend": ["owner"],
  "release.view": "anyone",
  "release.propose": ["owner", "steward", "auditor", "member"],
  "release.edit": { proposerOr: ["owner", "steward"] },
  "release.submit": { proposerOr: ["owner", "steward"] },
  "release.publish": ["owner", "steward"],
  "release.retire": ["owner", "steward"],
  "audit.view": "anyone",
  "audit.file": { charter: ["owner", "steward", "auditor"] },
  "audit.review": ["owner", "steward", "auditor"],
  "finding.transition": ["owner", "steward", "auditor", "member"],
  "decision.view": "anyone",
  "decision.open": ["owner", "steward"],
  "ballot.cast": ["owner", "steward", "auditor", "member"],
  "decision.close": ["owner", "steward"],
  "decision.cancel": ["owner", "steward"],
  "concern.view": "anyone",
  "concern.raise": ["owner", "steward", "auditor", "member"],
  "concern.resolve": ["owner", "steward", "auditor", "member"],
  "concern.override": ["owner", "steward"],
  "history.view": "anyone",
  "proposal.open": ["owner", "steward", "auditor", "member"],
  "proposal.link": ["owner", "steward"],
  "comment.post": ["owner", "steward", "auditor", "member"],
  "comment.edit": { authorIn: ["owner", "steward", "auditor", "member"] },
  "comment.delete": { authorIn: ["owner", "steward", "auditor", "member"] },
  "comment.hide": ["owner", "steward"],
  "comment.redact": ["owner", "steward"],
  "webhook.manage": ["owner", "steward"],
  "notification.list": "self",
  "notification.mark-read": "self",
  "notification.preferences": "self",
  "watch.set": "signed-in",
};

/** Actions that touch no space: personal resources, creating a space, accepting an invitation link. */
const spacelessActions = new Set(["token.create", "token.list", "token.revoke", "profile.update", "space.create", "invitation.accept", "notification.list", "notification.mark-read", "notification.preferences"]);

type Outcome = "allow" | "NOT_FOUND" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_AUTHOR";
const kindOf: Record<Exclude<Outcome, "allow">, string> = {
  NOT_AUTHOR: "forbidden",
  NOT_FOUND: "not_found",
  UNAUTHENTICATED: "unauthenticated",
  FORBIDDEN: "forbidden",
};

const ada: PolicyActor = { id: "user_ada" };
const grace: PolicyActor = { id: "user_grace" };

type Viewer = { label: string; actor: PolicyActor; role: SpaceRole | null };
const viewers: Viewer[] = [
  ...roles.map((role) => ({ label: `a signed-in ${role}`, actor: ada, role })),
  { label: "a signed-in non-member", actor: ada, role: null },
  { label: "an anonymous reader", actor: null, role: null },
];

const charterVariants: Array<readonly SpaceRole[] | undefined> = [
  undefined,
  ["owner"],
  ["owner", "steward", "auditor"],
  ["owner", "steward", "auditor", "member"],
];

function whoFor(action: Action): Who {
  const who = expectations[action];
  if (!who) throw new Error(`no expectation for ${action}`);
  return who;
}

/** A charter that names these roles for every charter-governed action (and leaves ownership to owners). */
function charterNaming(list: readonly SpaceRole[]): CharterRoles {
  return { membership: { whoInvites: list, whoGrantsOwner: ["owner"] }, audits: { fileRoles: list } };
}

/** The roles allowed, for role- and charter-governed actions, given the charter's answer. */
function allowedRoles(who: Who, charterRoles: readonly SpaceRole[] | undefined): readonly SpaceRole[] | null {
  if (Array.isArray(who)) return who;
  if (typeof who === "object" && "charter" in who) return charterRoles ?? who.charter;
  if (typeof who === "object" && "proposerOr" in who) return who.proposerOr;
  if (typeof who === "object" && "authorIn" in who) return who.authorIn;
  return null;
}

/** Whose proposal the resource is, for proposer-governed actions: the viewer's own, or someone else's. */
type Proposer = "theirs" | "someone else's";
const proposers: readonly Proposer[] = ["theirs", "someone else's"];
const proposerIdFor = (proposer: Proposer, viewer: Viewer) => (proposer === "theirs" ? (viewer.actor?.id ?? "user_ada") : "user_grace");

function expectedInSpace(who: Who, viewer: Viewer, visibility: "public" | "private", charterRoles?: readonly SpaceRole[], proposer?: Proposer): Outcome {
  if (visibility === "private" && viewer.role === null) return "NOT_FOUND";
  if (who === "anyone") return "allow";
  if (viewer.actor === null) return "UNAUTHENTICATED";
  if (who === "signed-in") return "allow";
  // The proposer acts on their own proposal only while they are a member of the space.
  if (typeof who === "object" && "proposerOr" in who && proposer === "theirs" && viewer.role !== null) return "allow";
  const allowed = allowedRoles(who, charterRoles);
  const roleAllows = viewer.role !== null && allowed?.includes(viewer.role);
  // Author-governed actions (a comment's edit and delete): the role first, then whose comment it is.
  if (roleAllows && typeof who === "object" && "authorIn" in who && proposer !== "theirs") return "NOT_AUTHOR";
  return roleAllows ? "allow" : "FORBIDDEN";
}

type Case = {
  name: string;
  action: Action;
  actor: PolicyActor;
  resource: PolicyResource;
  expected: Outcome;
  allowed: readonly SpaceRole[] | null;
  /** Proposer-governed actions name "the proposer" before the roles in a refusal. */
  proposerNamed: boolean;
};

const spaceCases: Case[] = actions
  .filter((action) => !spacelessActions.has(action))
  .flatMap((action) => {
    const who = whoFor(action);
    const governed = typeof who === "object" && "charter" in who;
    const byProposer = typeof who === "object" && "proposerOr" in who;
    const byAuthor = typeof who === "object" && "authorIn" in who;
    // Charter roles only change charter-governed actions; passing them elsewhere must change nothing.
    const variants = governed ? charterVariants : [undefined, ["member"] as const];
    // Proposer-governed actions are asked about the viewer's own proposal and someone else's;
    // a proposerId passed to any other action must change nothing either.
    const whose: readonly Proposer[] = proposers;
    return (["public", "private"] as const).flatMap((visibility) =>
      viewers.flatMap((viewer) =>
        variants.flatMap((charterRoles) =>
          whose.map((proposer) => ({
            name: `${action} by ${viewer.label} in a ${visibility} space${charterRoles ? ` (charter: ${charterRoles.join(", ")})` : ""}, on a proposal of ${proposer === "theirs" ? "their own" : "someone else"}`,
            action,
            actor: viewer.actor,
            resource: {
              space: { visibility, role: viewer.role, mirrorOf: null },
              ...(charterRoles ? { charter: charterNaming(charterRoles) } : {}),
              proposerId: proposerIdFor(proposer, viewer),
              // Someone else's report: the author's own is a condition, tested below. A comment's author is the
              // viewer or someone else, like a proposal's proposer.
              authorId: byAuthor ? proposerIdFor(proposer, viewer) : "user_grace",
              // A binding voter, on their own concern: not binding, and someone else's concern, are conditions (conditions.test.ts).
              bindingVoter: true,
              raisedById: viewer.actor?.id ?? "user_ada",
            },
            expected: expectedInSpace(who, viewer, visibility, charterRoles, proposer),
            allowed: allowedRoles(who, charterRoles),
            proposerNamed: byProposer,
          })),
        ),
      ),
    );
  });

const spacelessCases: Case[] = actions
  .filter((action) => spacelessActions.has(action))
  .flatMap((action): Case[] => {
    const who = whoFor(action);
    if (who === "self") {
      return [
        { name: `${action} on your own resource`, action, actor: ada, resource: { ownerId: "user_ada" }, expected: "allow", allowed: null, proposerNamed: false },
        { name: `${action} on someone else's resource`, action, actor: grace, resource: { ownerId: "user_ada" }, expected: "NOT_FOUND", allowed: null, proposerNamed: false },
        { name: `${action} with no owner given`, action, actor: ada, resource: {}, expected: "NOT_FOUND", allowed: null, proposerNamed: false },
        { name: `${action} anonymously`, action, actor: null, resource: { ownerId: "user_ada" }, expected: "UNAUTHENTICATED", allowed: null, proposerNamed: false },
      ];
    }
    if (who !== "signed-in") throw new Error(`a spaceless action should be self or signed-in: ${action}`);
    return [
      { name: `${action} signed in`, action, actor: ada, resource: {}, expected: "allow", allowed: null, proposerNamed: false },
      { name: `${action} anonymously`, action, actor: null, resource: {}, expected: "UNAUTHENTICATED", allowed: null, proposerNamed: false },
    ];
  });

function outcomeOf(decision: PolicyDecision): Outcome | string {
  return decision.allow ? "allow" : decision.code;
}

/** "Only owners or stewards may …" -> ["owner", "steward"]; "Only the proposer, owners or stewards may …" -> the same */
function rolesNamedIn(message: string): string[] {
  const match = /^Only (?:the proposer, )?(.+?) may /.exec(message);
  if (!match?.[1]) return [];
  return match[1]
    .split(/, | or /)
    .map((plural) => plural.replace(/s$/, ""))
    .sort();
}

describe("the policy table", () => {
  it("has a hand-written expectation for every action, and no more", () => {
    expect(Object.keys(expectations).sort()).toEqual([...actions].sort());
  });

  it("covers every action in the matrix below", () => {
    const covered = new Set([...spaceCases, ...spacelessCases].map((c) => c.action));
    expect([...covered].sort()).toEqual([...actions].sort());
  });
});

describe("can() in spaces", () => {
  it.each(spaceCases)("$name: $expected", ({ action, actor, resource, expected, allowed, proposerNamed }) => {
    const decision = can(actor, action, resource);
    expect(outcomeOf(decision)).toBe(expected);
    if (decision.allow) return;
    expect(decision.kind).toBe(kindOf[expected as Exclude<Outcome, "allow">]);
    expect(decision.message).toMatch(/^[A-Z][^]*\.$/);
    if (expected === "FORBIDDEN") {
      expect(rolesNamedIn(decision.message)).toEqual([...(allowed ?? [])].sort());
      expect(decision.message.startsWith("Only the proposer, ")).toBe(proposerNamed);
      const role = resource.space?.role;
      expect(decision.message).toContain(role ? `you are ${role === "owner" || role === "auditor" ? "an" : "a"} ${role}` : "you are not a member");
    }
    if (expected === "UNAUTHENTICATED") expect(decision.message).toMatch(/^Sign in to /);
  });
});

describe("can() outside spaces", () => {
  it.each(spacelessCases)("$name: $expected", ({ action, actor, resource, expected }) => {
    const decision = can(actor, action, resource);
    expect(outcomeOf(decision)).toBe(expected);
    if (decision.allow) return;
    expect(decision.kind).toBe(kindOf[expected as Exclude<Outcome, "allow">]);
    expect(decision.message).toMatch(/^[A-Z][^]*\.$/);
  });

  const needsSpace = actions.filter((action) => {
    const who = whoFor(action);
    return typeof who === "object";
  });

  it.each(needsSpace)("%s refuses to decide without a space rather than guess", (action) => {
    expect(() => can(ada, action, {})).toThrow(/needs a space/);
  });

  const needsProposer = actions.filter((action) => {
    const who = whoFor(action);
    return typeof who === "object" && "proposerOr" in who;
  });

  it("has proposer-governed actions to check", () => {
    expect(needsProposer.sort()).toEqual(["release.edit", "release.submit"]);
  });

  it.each(needsProposer)("%s refuses to decide without the proposer rather than guess, even for a steward", (action) => {
    expect(() => can(ada, action, { space: { visibility: "public", role: "steward", mirrorOf: null } })).toThrow(/needs the proposal's proposerId/);
  });
});

describe("denial messages", () => {
  it.each([
    ["charter.amend", "member", undefined, "Only owners may amend the charter directly; you are a member."],
    ["space.update", "steward", undefined, "Only owners may change a space's settings; you are a steward."],
    ["member.remove", "member", undefined, "Only owners or stewards may remove a member; you are a member."],
    ["join.decide", null, undefined, "Only owners or stewards may accept or decline a join request; you are not a member of this space."],
    ["member.invite", "steward", ["owner"], "Only owners may invite people to a space; you are a steward."],
    ["member.add", "member", ["owner", "steward", "auditor"], "Only owners, stewards or auditors may add an existing user to a space; you are a member."],
    ["release.edit", "member", undefined, "Only the proposer, owners or stewards may edit a release proposal; you are a member."],
    ["release.submit", "auditor", undefined, "Only the proposer, owners or stewards may send a release to review, back to draft, or withdraw it; you are an auditor."],
  ] as const)("%s by a %s (charter %j) reads as a sentence", (action, role, charterRoles, sentence) => {
    const decision = can(ada, action, { space: { visibility: "public", role, mirrorOf: null }, ...(charterRoles ? { charter: charterNaming(charterRoles) } : {}), proposerId: "user_grace" });
    expect(decision.allow).toBe(false);
    if (decision.allow) return;
    expect(decision.message).toBe(sentence);
  });

  it("uses the right article before a role that starts with a vowel", () => {
    const decision = can(ada, "charter.amend", { space: { visibility: "public", role: "auditor", mirrorOf: null } });
    expect(decision.allow).toBe(false);
    // Roles starting with a vowel take "an": "you are an auditor."
    expect(decision.allow ? "" : decision.message).toBe("Only owners may amend the charter directly; you are an auditor.");
  });

  it("lets the proposer act on their own proposal, but not once they have left the space", () => {
    expect(can(ada, "release.edit", { space: { visibility: "public", role: "member", mirrorOf: null }, proposerId: "user_ada" })).toEqual({ allow: true });
    expect(can(ada, "release.submit", { space: { visibility: "public", role: null, mirrorOf: null }, proposerId: "user_ada" })).toEqual({
      allow: false,
      code: "FORBIDDEN",
      message: "Only the proposer, owners or stewards may send a release to review, back to draft, or withdraw it; you are not a member of this space.",
      kind: "forbidden",
    });
    // Outside a private space, even the proposer is shown nothing.
    expect(can(ada, "release.edit", { space: { visibility: "private", role: null, mirrorOf: null }, proposerId: "user_ada" })).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets a steward change roles when no particular change is asked (ownership changes are conditions: conditions.test.ts)", () => {
    expect(can(ada, "member.change-role", { space: { visibility: "public", role: "steward", mirrorOf: null } })).toEqual({ allow: true });
  });

  it("answers a private space's outsiders exactly as if the space did not exist", () => {
    const asStranger = can(ada, "charter.amend", { space: { visibility: "private", role: null, mirrorOf: null } });
    const anonymous = can(null, "space.view", { space: { visibility: "private", role: null, mirrorOf: null } });
    expect(asStranger).toEqual(anonymous);
    expect(asStranger).toEqual({ allow: false, code: "NOT_FOUND", message: "No such space.", kind: "not_found" });
  });

  it("asks anonymous readers to sign in, naming what they tried", () => {
    expect(can(null, "join.request", { space: { visibility: "public", role: null, mirrorOf: null } })).toEqual({
      allow: false,
      code: "UNAUTHENTICATED",
      message: "Sign in to ask to join a public space.",
      kind: "unauthenticated",
    });
  });
});
