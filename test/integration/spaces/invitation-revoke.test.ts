// Revoking an invitation link: who may, what is recorded, and that a revoked link no longer works.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/members/use-cases/accept-invitation";
import { createInvitation } from "@/lib/members/use-cases/create-invitation";
import { revokeInvitation } from "@/lib/members/use-cases/revoke-invitation";
import { listOpenInvitations } from "@/lib/members/data";
import type { SpaceRole } from "@/lib/policy-resource";
import { createUser, eventsFor } from "@/test/support/factories";
import { actorOf, eventCount, rolesIn, spaceWith, type User } from "@/test/integration/spaces/members-support";

const tokenOf = (path: string) => path.split("/").pop() ?? "";

async function invite(actor: User, spaceSlug: string, role: SpaceRole, now?: Date) {
  const result = await createInvitation(actorOf(actor), { spaceSlug, role, expiresInDays: 7 }, now);
  if (!result.ok) throw new Error(`createInvitation failed: ${result.error.code}`);
  return result.data;
}

describe("revoking an invitation", () => {
  it("marks it revoked, records member.invitation_revoked in the same write, and the link stops working", async () => {
    const { space, owner } = await spaceWith();
    const link = await invite(owner, space.slug, "auditor");
    expect((await listOpenInvitations(space.id, new Date())).map((i) => i.id)).toEqual([link.id]);

    expect(await revokeInvitation(actorOf(owner), { spaceSlug: space.slug, invitationId: link.id })).toEqual({ ok: true, data: { id: link.id, role: "auditor" } });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ revokedAt: expect.any(Date), usedAt: null });
    const [revoked] = await eventsFor({ spaceId: space.id, type: "member.invitation_revoked" });
    expect(revoked).toMatchObject({ actorId: owner.id, subject: { spaceId: space.id, invitationId: link.id }, data: { role: "auditor" } });
    expect(await listOpenInvitations(space.id, new Date())).toEqual([]);

    const lin = await createUser();
    expect(await acceptInvitation(actorOf(lin), { token: tokenOf(link.path) })).toMatchObject({ ok: false, error: { code: "INVITATION_REVOKED" } });
    expect((await rolesIn(space.id))[lin.id]).toBeUndefined();
  });

  it("refuses a second revocation, a used link and an expired one with INVITATION_CLOSED, recording nothing", async () => {
    const { space, owner } = await spaceWith();
    const revoked = await invite(owner, space.slug, "member");
    await revokeInvitation(actorOf(owner), { spaceSlug: space.slug, invitationId: revoked.id });
    const used = await invite(owner, space.slug, "member");
    expect(await acceptInvitation(actorOf(await createUser()), { token: tokenOf(used.path) })).toMatchObject({ ok: true });
    const expired = await invite(owner, space.slug, "member", new Date(Date.now() - 30 * 24 * 3600 * 1000));
    const events = await eventCount(space.id);

    for (const link of [revoked, used, expired]) {
      const answer = await revokeInvitation(actorOf(owner), { spaceSlug: space.slug, invitationId: link.id });
      expect(answer).toMatchObject({ ok: false, error: { code: "INVITATION_CLOSED", message: "This invitation was already used, revoked or has expired; there is nothing to revoke." } });
    }
    expect(await eventCount(space.id)).toBe(events);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: expired.id } })).toMatchObject({ revokedAt: null });
  });

  it("answers another space's invitation exactly like a missing one", async () => {
    const first = await spaceWith();
    const second = await spaceWith();
    const link = await invite(second.owner, second.space.slug, "member");
    const answer = await revokeInvitation(actorOf(first.owner), { spaceSlug: first.space.slug, invitationId: link.id });
    expect(answer).toEqual(await revokeInvitation(actorOf(first.owner), { spaceSlug: first.space.slug, invitationId: "no-such-invitation" }));
    expect(answer).toMatchObject({ ok: false, error: { code: "INVITATION_NOT_FOUND" } });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ revokedAt: null });
  });

  it("lets only those who may invite as the link's role revoke it", async () => {
    const { space, owner, others } = await spaceWith({ members: ["steward", "member"] });
    const [steward, member] = others as [User, User];
    const ownerLink = await invite(owner, space.slug, "owner");
    const memberLink = await invite(owner, space.slug, "member");
    const events = await eventCount(space.id);

    // A plain member may not invite at all: the policy's refusal, thrown before anything is read or written.
    await expect(revokeInvitation(actorOf(member), { spaceSlug: space.slug, invitationId: memberLink.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A steward may invite, but not as an owner, so may not revoke an owner's link.
    expect(await revokeInvitation(actorOf(steward), { spaceSlug: space.slug, invitationId: ownerLink.id })).toMatchObject({ ok: false, error: { code: "OWNER_GRANT_FORBIDDEN" } });
    expect(await eventCount(space.id)).toBe(events);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: ownerLink.id } })).toMatchObject({ revokedAt: null });

    expect(await revokeInvitation(actorOf(steward), { spaceSlug: space.slug, invitationId: memberLink.id })).toMatchObject({ ok: true });
  });
});
