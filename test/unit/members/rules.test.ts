// Membership rules as tables: role changes, removals and invitation links, on the instant they expire.
import { describe, it, expect } from "vitest";
import { checkInvitation, checkRemoval, checkRoleChange, type InvitationState } from "@/lib/members/rules";
import type { SpaceRole } from "@/lib/policy-resource";

const ownersOnly: readonly SpaceRole[] = ["owner"];
const ownersAndStewards: readonly SpaceRole[] = ["owner", "steward"];

describe("checkRoleChange", () => {
  it.each([
    // actorRole, fromRole, toRole, whoGrantsOwner, ownerCount, expected code (or "ok")
    ["owner", "member", "steward", ownersOnly, 1, "ok"],
    ["steward", "member", "auditor", ownersOnly, 1, "ok"],
    ["steward", "auditor", "member", ownersOnly, 2, "ok"],
    ["owner", "steward", "owner", ownersOnly, 1, "ok"],
    ["owner", "owner", "steward", ownersOnly, 2, "ok"],
    ["steward", "member", "owner", ownersOnly, 1, "OWNER_GRANT_FORBIDDEN"],
    ["steward", "owner", "member", ownersOnly, 3, "OWNER_GRANT_FORBIDDEN"],
    ["steward", "member", "owner", ownersAndStewards, 1, "ok"],
    ["steward", "owner", "steward", ownersAndStewards, 2, "ok"],
    ["auditor", "member", "owner", ownersAndStewards, 1, "OWNER_GRANT_FORBIDDEN"],
    ["owner", "owner", "member", ownersOnly, 1, "LAST_OWNER"],
    ["owner", "owner", "steward", ownersOnly, 1, "LAST_OWNER"],
    ["steward", "owner", "auditor", ownersAndStewards, 1, "LAST_OWNER"],
    ["owner", "owner", "steward", ownersOnly, 0, "LAST_OWNER"],
    ["owner", "steward", "steward", ownersOnly, 1, "NO_CHANGE"],
    ["owner", "owner", "owner", ownersOnly, 1, "NO_CHANGE"],
    ["steward", "owner", "owner", ownersOnly, 1, "NO_CHANGE"],
  ] as const)("%s moving a %s to %s (owners granted by %j, %i owners): %s", (actorRole, fromRole, toRole, whoGrantsOwner, ownerCount, expected) => {
    const check = checkRoleChange({ actorRole, fromRole, toRole, whoGrantsOwner, ownerCount });
    expect(check.ok ? "ok" : check.code).toBe(expected);
    if (!check.ok) expect(check.message).toMatch(/^[A-Z].*\.$/);
  });

  it.each([
    ["OWNER_GRANT_FORBIDDEN", { actorRole: "steward", fromRole: "member", toRole: "owner", ownerCount: 1 }, "forbidden"],
    ["LAST_OWNER", { actorRole: "owner", fromRole: "owner", toRole: "member", ownerCount: 1 }, "rule"],
    ["NO_CHANGE", { actorRole: "owner", fromRole: "member", toRole: "member", ownerCount: 1 }, "rule"],
  ] as const)("%s is a %s refusal", (code, args, kind) => {
    expect(checkRoleChange({ ...args, whoGrantsOwner: ownersOnly })).toMatchObject({ ok: false, code, kind });
  });

  it("tells a steward who may grant ownership", () => {
    const check = checkRoleChange({ actorRole: "steward", fromRole: "member", toRole: "owner", whoGrantsOwner: ownersOnly, ownerCount: 1 });
    expect(check).toMatchObject({ ok: false, message: "The charter lets only owners make someone an owner or change an owner's role." });
  });

  it("names every role that may grant ownership in the plural", () => {
    const check = checkRoleChange({ actorRole: "auditor", fromRole: "member", toRole: "owner", whoGrantsOwner: ownersAndStewards, ownerCount: 1 });
    expect(check).toMatchObject({ ok: false, message: "The charter lets only owners and stewards make someone an owner or change an owner's role." });
  });

  it("puts the right article before a role that starts with a vowel", () => {
    const check = checkRoleChange({ actorRole: "owner", fromRole: "auditor", toRole: "auditor", whoGrantsOwner: ownersOnly, ownerCount: 1 });
    expect(check).toMatchObject({ ok: false, code: "NO_CHANGE", message: "They are already an auditor." });
  });
});

describe("checkRemoval", () => {
  it.each([
    // actorRole, targetRole, ownerCount, self, expected
    ["owner", "member", 1, false, "ok"],
    ["steward", "member", 1, false, "ok"],
    ["steward", "auditor", 1, false, "ok"],
    ["steward", "steward", 1, false, "ok"],
    ["member", "member", 1, true, "ok"],
    ["auditor", "auditor", 1, true, "ok"],
    ["owner", "owner", 2, true, "ok"],
    ["owner", "owner", 2, false, "ok"],
    ["owner", "owner", 1, true, "LAST_OWNER"],
    ["owner", "owner", 1, false, "LAST_OWNER"],
    ["steward", "owner", 1, false, "LAST_OWNER"],
    ["steward", "owner", 2, false, "OWNER_REMOVAL_FORBIDDEN"],
    ["steward", "owner", 5, false, "OWNER_REMOVAL_FORBIDDEN"],
  ] as const)("%s removing a %s (%i owners, self: %s): %s", (actorRole, targetRole, ownerCount, self, expected) => {
    const check = checkRemoval({ actorRole, targetRole, ownerCount, self });
    expect(check.ok ? "ok" : check.code).toBe(expected);
  });

  it.each([
    [true, "You are the last owner: make someone else an owner before you leave."],
    [false, "This is the space's last owner."],
  ])("tells the last owner why (leaving themself: %s)", (self, message) => {
    expect(checkRemoval({ actorRole: "owner", targetRole: "owner", ownerCount: 1, self })).toEqual({ ok: false, code: "LAST_OWNER", message, kind: "rule" });
  });
});

describe("checkInvitation", () => {
  const expiresAt = new Date("2025-03-14T12:00:00.000Z");
  const justBefore = new Date(expiresAt.getTime() - 1);
  const justAfter = new Date(expiresAt.getTime() + 1);
  const open: InvitationState = { expiresAt, usedAt: null, revokedAt: null };
  const used: InvitationState = { ...open, usedAt: new Date("2025-03-10T09:30:00Z") };
  const revoked: InvitationState = { ...open, revokedAt: new Date("2025-03-11T16:00:00Z") };

  it.each([
    ["an open invitation a millisecond before it expires", open, justBefore, "ok"],
    ["an open invitation a week before it expires", open, new Date("2025-03-07T12:00:00Z"), "ok"],
    ["an open invitation at the instant it expires", open, expiresAt, "INVITATION_EXPIRED"],
    ["an open invitation a millisecond after it expires", open, justAfter, "INVITATION_EXPIRED"],
    ["a used invitation before it expires", used, justBefore, "INVITATION_USED"],
    ["a used invitation after it expires", used, justAfter, "INVITATION_USED"],
    ["a revoked invitation before it expires", revoked, justBefore, "INVITATION_REVOKED"],
    ["a revoked and used invitation", { ...used, revokedAt: revoked.revokedAt }, justBefore, "INVITATION_REVOKED"],
    ["no invitation at all", null, justBefore, "INVITATION_NOT_FOUND"],
  ] as const)("%s: %s", (_label, invitation, now, expected) => {
    const check = checkInvitation(invitation, now);
    expect(check.ok ? "ok" : check.code).toBe(expected);
    if (!check.ok) {
      expect(check.kind).toBe("rule");
      expect(check.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("says when an expired invitation expired", () => {
    expect(checkInvitation(open, justAfter)).toMatchObject({ message: "This invitation expired on Fri, 14 Mar 2025 12:00:00 GMT." });
  });
});
