// The policy's conditions on the resource, as full tables: a report's author, granting and taking away
// ownership under different charters, removing owners, moving findings, and which charter list governs what.
// The expectations are written out by hand, not read from lib/policy.ts.
import { describe, expect, it } from "vitest";
import { findingStatuses, type FindingStatus } from "@/lib/audits/finding-status";
import { can, needsCharter, actions, type PolicyDecision } from "@/lib/policy";
import type { CharterRoles, SpaceRole } from "@/lib/policy-resource";
import { roles } from "@/lib/roles";

const ada = { id: "user_ada" };
const inSpace = (role: SpaceRole | null, visibility: "public" | "private" = "public") => ({ visibility, role, mirrorOf: null });
const outcome = (decision: PolicyDecision) => (decision.allow ? "allow" : decision.code);

function charter({ whoInvites = ["owner", "steward"], whoGrantsOwner = ["owner"], fileRoles = ["owner", "steward", "auditor"] }: {
  whoInvites?: readonly SpaceRole[];
  whoGrantsOwner?: readonly SpaceRole[];
  fileRoles?: readonly SpaceRole[];
} = {}): CharterRoles {
  return { membership: { whoInvites, whoGrantsOwner }, audits: { fileRoles } };
}

describe("audit.review: the author of a report cannot review it", () => {
  const reviewer = (role: SpaceRole) => role === "owner" || role === "steward" || role === "auditor";
  const table = roles.flatMap((role) => [true, false].map((own) => [role, own, own ? "OWN_REPORT" : reviewer(role) ? "allow" : "FORBIDDEN"] as const));

  it.each(table)("a %s reviewing (their own report: %s) -> %s", (role, own, expected) => {
    const decision = can(ada, "audit.review", { space: inSpace(role), authorId: own ? ada.id : "user_linus" });
    expect(outcome(decision)).toBe(expected);
    if (expected === "OWN_REPORT") {
      expect(decision).toEqual({
        allow: false,
        code: "OWN_REPORT",
        message: "You cannot review your own audit report; ask another auditor or steward.",
        kind: "forbidden",
      });
    }
  });

  it("answers the author before their role: an author who has left a public space still hears OWN_REPORT", () => {
    expect(outcome(can(ada, "audit.review", { space: inSpace(null), authorId: ada.id }))).toBe("OWN_REPORT");
  });

  it("still hides a private space from an author who is no longer a member, and asks anonymous readers to sign in", () => {
    expect(outcome(can(ada, "audit.review", { space: inSpace(null, "private"), authorId: ada.id }))).toBe("NOT_FOUND");
    expect(can(null, "audit.review", { space: inSpace(null), authorId: ada.id })).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Sign in to review an audit report.",
    });
  });

  it("refuses to decide without the report's author rather than guess", () => {
    expect(() => can(ada, "audit.review", { space: inSpace("auditor") })).toThrow(/needs the report's authorId/);
  });
});

describe("concern.raise: only a binding voter on the subject", () => {
  // Every member role may raise one, if their vote binds; a non-member never gets to the condition.
  const table = ([...roles, null] as const).flatMap((role) => [true, false].map((binding) => [role, binding, role === null ? "FORBIDDEN" : binding ? "allow" : "NOT_BINDING_VOTER"] as const));

  it.each(table)("a %s (binding: %s) -> %s", (role, binding, expected) => {
    const decision = can(ada, "concern.raise", { space: inSpace(role), bindingVoter: binding });
    expect(outcome(decision)).toBe(expected);
    if (expected === "NOT_BINDING_VOTER") {
      expect(decision).toEqual({ allow: false, code: "NOT_BINDING_VOTER", message: "Only a binding voter can raise a blocking concern here; your vote is advisory or you have none.", kind: "forbidden" });
    }
  });

  it("hides a private space from non-members and asks anonymous readers to sign in, before the condition", () => {
    expect(outcome(can(ada, "concern.raise", { space: inSpace(null, "private"), bindingVoter: true }))).toBe("NOT_FOUND");
    expect(can(null, "concern.raise", { space: inSpace(null), bindingVoter: true })).toMatchObject({ code: "UNAUTHENTICATED", message: "Sign in to raise a concern." });
  });

  it("refuses to decide without knowing whether the vote binds rather than guess", () => {
    expect(() => can(ada, "concern.raise", { space: inSpace("steward") })).toThrow(/needs whether the actor is a binding voter/);
  });
});

describe("concern.resolve and concern.override: the raiser resolves, a steward overrides", () => {
  const table = roles.flatMap((role) => [true, false].map((own) => [role, own, own ? "allow" : "NOT_YOUR_CONCERN"] as const));

  it.each(table)("resolve by a %s (their own concern: %s) -> %s", (role, own, expected) => {
    const decision = can(ada, "concern.resolve", { space: inSpace(role), raisedById: own ? ada.id : "user_linus" });
    expect(outcome(decision)).toBe(expected);
    if (expected === "NOT_YOUR_CONCERN") expect(decision).toMatchObject({ message: "Only the person who raised this concern can resolve it; a steward can override it with a reason." });
  });

  it("lets a raiser who has left the space resolve nothing", () => {
    expect(outcome(can(ada, "concern.resolve", { space: inSpace(null), raisedById: ada.id }))).toBe("FORBIDDEN");
  });

  it.each(roles.map((role) => [role, role === "owner" || role === "steward" ? "allow" : "FORBIDDEN"] as const))("override by a %s -> %s, whoever raised it", (role, expected) => {
    expect(outcome(can(ada, "concern.override", { space: inSpace(role), raisedById: "user_linus" }))).toBe(expected);
  });

  it("refuses to decide on a resolve without the raiser rather than guess", () => {
    expect(() => can(ada, "concern.resolve", { space: inSpace("member") })).toThrow(/needs the concern's raisedById/);
  });
});

describe("granting ownership: the charter's whoGrantsOwner", () => {
  const grantCharters: Array<readonly SpaceRole[]> = [["owner"], ["owner", "steward"], ["steward"]];
  // Everyone here may invite and add (whoInvites names every role), so only the grant decides.
  const everyoneInvites: readonly SpaceRole[] = roles;

  describe.each(["member.invite", "member.add"] as const)("%s", (action) => {
    const message =
      action === "member.invite" ? "The charter does not let you invite someone as an owner." : "The charter does not let you make someone an owner.";
    const table = grantCharters.flatMap((grants) =>
      roles.flatMap((actorRole) => roles.map((grant) => [actorRole, grant, grants, grant !== "owner" || grants.includes(actorRole) ? "allow" : "OWNER_GRANT_FORBIDDEN"] as const)),
    );
    it.each(table)("a %s giving the role %s (owners granted by %j) -> %s", (actorRole, grant, grants, expected) => {
      const decision = can(ada, action, { space: inSpace(actorRole), charter: charter({ whoInvites: everyoneInvites, whoGrantsOwner: grants }), grant });
      expect(outcome(decision)).toBe(expected);
      if (!decision.allow) expect(decision).toMatchObject({ message, kind: "forbidden" });
    });

    it("asks the charter's whoInvites before the grant: a member under the default charter hears FORBIDDEN", () => {
      const decision = can(ada, action, { space: inSpace("member"), charter: charter(), grant: "owner" });
      expect(outcome(decision)).toBe("FORBIDDEN");
    });
  });

  const changes = roles.flatMap((from) => roles.map((to) => [from, to] as const));
  const table = grantCharters.flatMap((grants) =>
    (["owner", "steward"] as const).flatMap((actorRole) =>
      changes.map(([from, to]) => {
        const touchesOwner = from !== to && (from === "owner" || to === "owner");
        return [actorRole, from, to, grants, touchesOwner && !grants.includes(actorRole) ? "OWNER_GRANT_FORBIDDEN" : "allow"] as const;
      }),
    ),
  );

  it.each(table)("member.change-role: a %s moving a %s to %s (owners granted by %j) -> %s", (actorRole, from, to, grants, expected) => {
    const decision = can(ada, "member.change-role", { space: inSpace(actorRole), charter: charter({ whoGrantsOwner: grants }), roleChange: { from, to } });
    expect(outcome(decision)).toBe(expected);
  });

  it("names who may grant ownership, as the charter says", () => {
    expect(can(ada, "member.change-role", { space: inSpace("steward"), charter: charter(), roleChange: { from: "member", to: "owner" } })).toEqual({
      allow: false,
      code: "OWNER_GRANT_FORBIDDEN",
      message: "The charter lets only owners make someone an owner or change an owner's role.",
      kind: "forbidden",
    });
    const both = charter({ whoGrantsOwner: ["owner", "steward"] });
    expect(can(ada, "member.change-role", { space: inSpace("auditor"), charter: both, roleChange: { from: "member", to: "owner" } })).toMatchObject({
      code: "FORBIDDEN", // an auditor may not change roles at all: the roles come before the condition
    });
  });

  it("falls back to the default charter (owners grant ownership) when none is given", () => {
    expect(outcome(can(ada, "member.change-role", { space: inSpace("steward"), roleChange: { from: "owner", to: "steward" } }))).toBe("OWNER_GRANT_FORBIDDEN");
    expect(outcome(can(ada, "member.change-role", { space: inSpace("owner"), roleChange: { from: "owner", to: "steward" } }))).toBe("allow");
  });
});

describe("member.remove: only owners remove owners", () => {
  const table = (["owner", "steward"] as const).flatMap((actorRole) =>
    roles.map((targetRole) => [actorRole, targetRole, targetRole === "owner" && actorRole !== "owner" ? "OWNER_REMOVAL_FORBIDDEN" : "allow"] as const),
  );
  it.each(table)("a %s removing a %s -> %s", (actorRole, targetRole, expected) => {
    const decision = can(ada, "member.remove", { space: inSpace(actorRole), targetRole });
    expect(outcome(decision)).toBe(expected);
    if (!decision.allow) expect(decision).toMatchObject({ message: "Only an owner can remove another owner.", kind: "forbidden" });
  });
});

describe("finding.transition: who may move a finding where", () => {
  type Expected = "allow" | "FORBIDDEN_ROLE" | "STEWARD_ONLY";
  function expected(from: FindingStatus, to: FindingStatus, role: SpaceRole, author: boolean): Expected {
    const steward = role === "owner" || role === "steward";
    const reviewer = steward || role === "auditor";
    if ((to === "verified" || (from === "mitigated" && to === "acknowledged")) && !reviewer) return "FORBIDDEN_ROLE";
    if ((to === "accepted_risk" || to === "wont_fix") && !steward) return "STEWARD_ONLY";
    if (to === "open" && !reviewer && !author) return "FORBIDDEN_ROLE";
    return "allow";
  }
  // Every pair, legal in the lifecycle or not: the lifecycle is audits/rules.ts's, the roles are the policy's.
  const table = findingStatuses.flatMap((from) =>
    findingStatuses.flatMap((to) => roles.flatMap((role) => [false, true].map((author) => [from, to, role, author, expected(from, to, role, author)] as const))),
  );

  it.each(table)("%s -> %s by a %s (report author: %s) -> %s", (from, to, role, author, want) => {
    const decision = can(ada, "finding.transition", { space: inSpace(role), authorId: author ? ada.id : "user_linus", finding: { from, to } });
    expect(outcome(decision)).toBe(want);
    if (!decision.allow) expect(decision.kind).toBe("forbidden");
  });

  it("says who may do it, in the words the finding form shows", () => {
    const facts = (role: SpaceRole, from: FindingStatus, to: FindingStatus) => ({ space: inSpace(role), authorId: "user_linus", finding: { from, to } });
    expect(can(ada, "finding.transition", facts("member", "mitigated", "verified"))).toMatchObject({
      message: "Only an owner, steward or auditor can verify a mitigation; you are a member.",
    });
    expect(can(ada, "finding.transition", facts("member", "mitigated", "acknowledged"))).toMatchObject({
      message: "Only an owner, steward or auditor can reject a mitigation; you are a member.",
    });
    expect(can(ada, "finding.transition", facts("auditor", "open", "wont_fix"))).toMatchObject({
      message: "Only an owner or steward can mark a finding as won't fix; you are an auditor.",
    });
    expect(can(ada, "finding.transition", facts("member", "accepted_risk", "open"))).toMatchObject({
      message: "Only an owner, steward, auditor or the report's author can reopen a finding.",
    });
  });

  it("refuses to decide on a move without the report's author rather than guess", () => {
    expect(() => can(ada, "finding.transition", { space: inSpace("member"), finding: { from: "wont_fix", to: "open" } })).toThrow(/needs the report's authorId/);
  });
});

describe("charter-governed roles: each action reads its own list of the charter", () => {
  // whoInvites and fileRoles differ, so reading the wrong one shows.
  const split = charter({ whoInvites: ["owner", "member"], fileRoles: ["auditor"] });
  const table = roles.flatMap((role) => [
    ["member.invite", role, role === "owner" || role === "member" ? "allow" : "FORBIDDEN"] as const,
    ["member.add", role, role === "owner" || role === "member" ? "allow" : "FORBIDDEN"] as const,
    ["audit.file", role, role === "auditor" ? "allow" : "FORBIDDEN"] as const,
  ]);
  it.each(table)("%s by a %s -> %s", (action, role, expected) => {
    expect(outcome(can(ada, action, { space: inSpace(role), charter: split }))).toBe(expected);
  });

  it("names exactly the charter's roles in a refusal", () => {
    expect(can(ada, "audit.file", { space: inSpace("steward"), charter: split })).toMatchObject({
      message: "Only auditors may file an audit report; you are a steward.",
    });
    expect(can(ada, "member.invite", { space: inSpace("auditor"), charter: split })).toMatchObject({
      message: "Only owners or members may invite people to a space; you are an auditor.",
    });
  });

  it("knows which actions need the charter", () => {
    expect(actions.filter(needsCharter).sort()).toEqual(["audit.file", "member.add", "member.invite"]);
  });
});

describe("a read-only mirror: every write refused, every read allowed, for every role", () => {
  const mirror = (role: SpaceRole | null) => ({ space: { visibility: "public" as const, role, mirrorOf: "https://origin.example/s/lumen" } });
  const spaceActions = actions.filter((a) => !a.startsWith("token.") && a !== "space.create" && a !== "join.request" && a !== "invitation.accept");
  it.each(spaceActions)("%s", (action) => {
    const reads = ["space.view", "member.list", "charter.view", "release.view", "audit.view", "decision.view", "history.view", "concern.view"].includes(action);
    for (const role of [...roles, null]) {
      const facts = { ...mirror(role), proposerId: "u1", authorId: "u2", charter: undefined, grant: "member" as const };
      const decision = can({ id: "u1" }, action, facts);
      if (reads) expect(decision).toEqual({ allow: true });
      else expect(decision).toEqual({ allow: false, code: "MIRROR_READ_ONLY", message: "This space is a read-only mirror of https://origin.example/s/lumen: changes are made there, not here.", kind: "forbidden" });
    }
  });
  it("still hides a private mirror from non-members as a missing space", () => {
    expect(can({ id: "u1" }, "ballot.cast", { space: { visibility: "private", role: null, mirrorOf: "https://o.example/s/x" } })).toMatchObject({ code: "NOT_FOUND" });
  });
});
