// DELETE /api/v1/spaces/{slug}/invitations/{id}: the same use case as the Members page's Revoke, with the same refusals.
import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createInvitation } from "@/lib/members/use-cases/create-invitation";
import type { SpaceRole } from "@/lib/policy-resource";
import { createToken } from "@/lib/tokens/mutations";
import { eventsFor } from "@/test/support/factories";
import { actorOf, eventCount, spaceWith, type User } from "@/test/integration/spaces/members-support";

// The route reads the browser session when no bearer token is sent; these requests all send one.
vi.mock("@/lib/auth/session", () => ({ currentActor: async (): Promise<Actor | null> => null, requireActor: async () => null }));

const route = await import("@/app/api/v1/spaces/[slug]/invitations/[id]/route");
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function invite(actor: User, spaceSlug: string, role: SpaceRole) {
  const result = await createInvitation(actorOf(actor), { spaceSlug, role, expiresInDays: 7 });
  if (!result.ok) throw new Error(`createInvitation failed: ${result.error.code}`);
  return result.data;
}

async function revoke(user: User | null, slug: string, id: string, body?: string) {
  const headers: Record<string, string> = user ? { authorization: `Bearer ${(await createToken({ userId: user.id, name: "revoke test" })).token}` } : {};
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost:3000/api/v1/spaces/${slug}/invitations/${id}`, { method: "DELETE", headers, body });
  const response = await (route.DELETE as Handler)(req, { params: Promise.resolve({ slug, id }) });
  return { status: response.status, json: (await response.json()) as { id?: string; role?: string; error?: { code: string; message: string } } };
}

describe("revoking an invitation through the API", () => {
  it("revokes it and records member.invitation_revoked, like the action", async () => {
    const { space, owner } = await spaceWith();
    const link = await invite(owner, space.slug, "auditor");
    expect(await revoke(owner, space.slug, link.id)).toEqual({ status: 200, json: { id: link.id, role: "auditor" } });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ revokedAt: expect.any(Date) });
    const [event] = await eventsFor({ spaceId: space.id, type: "member.invitation_revoked" });
    expect(event).toMatchObject({ actorId: owner.id, subject: { spaceId: space.id, invitationId: link.id }, via: "token" });
    // Twice: nothing left to revoke.
    expect(await revoke(owner, space.slug, link.id)).toMatchObject({ status: 409, json: { error: { code: "INVITATION_CLOSED" } } });
  });

  it("answers another space's invitation id with the same 404 as a missing one, and revokes nothing", async () => {
    const first = await spaceWith();
    const second = await spaceWith();
    const link = await invite(second.owner, second.space.slug, "member");
    const foreign = await revoke(first.owner, first.space.slug, link.id);
    const missing = await revoke(first.owner, first.space.slug, "no-such-invitation");
    expect(foreign).toEqual(missing);
    expect(foreign).toMatchObject({ status: 404, json: { error: { code: "INVITATION_NOT_FOUND" } } });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ revokedAt: null });
  });

  it("refuses a non-steward (403), a steward on an owner's link (403), anonymous callers (401) and a private space's strangers (404)", async () => {
    const { space, owner, others } = await spaceWith({ members: ["steward", "member"] });
    const [steward, member] = others as [User, User];
    const memberLink = await invite(owner, space.slug, "member");
    const ownerLink = await invite(owner, space.slug, "owner");
    const events = await eventCount(space.id);
    expect(await revoke(member, space.slug, memberLink.id)).toMatchObject({ status: 403, json: { error: { code: "FORBIDDEN" } } });
    expect(await revoke(steward, space.slug, ownerLink.id)).toMatchObject({ status: 403, json: { error: { code: "OWNER_GRANT_FORBIDDEN" } } });
    expect(await revoke(null, space.slug, memberLink.id)).toMatchObject({ status: 401, json: { error: { code: "UNAUTHENTICATED" } } });
    expect(await eventCount(space.id)).toBe(events);
    expect(await db.invitation.count({ where: { id: { in: [memberLink.id, ownerLink.id] }, revokedAt: { not: null } } })).toBe(0);

    const hidden = await spaceWith({ visibility: "private" });
    const hiddenLink = await invite(hidden.owner, hidden.space.slug, "member");
    expect(await revoke(member, hidden.space.slug, hiddenLink.id)).toMatchObject({ status: 404, json: { error: { code: "NOT_FOUND" } } });
  });

  it("refuses a body, and an over-long id, with the action's messages", async () => {
    const { space, owner } = await spaceWith();
    const link = await invite(owner, space.slug, "member");
    expect(await revoke(owner, space.slug, link.id, JSON.stringify({ reason: "x" }))).toMatchObject({ status: 400, json: { error: { code: "INVALID_INPUT" } } });
    expect(await revoke(owner, space.slug, "x".repeat(65))).toMatchObject({ status: 400, json: { error: { code: "INVALID_INPUT" } } });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ revokedAt: null });
  });
});
