import type { Metadata } from "next";
import { loadSpacePage } from "../load";
import { listMembers, listOpenInvitations, listPendingJoinRequests, listUnclaimedMembers } from "@/lib/members/data";
import { currentCharter } from "@/lib/charter/data";
import { can } from "@/lib/policy";
import { roles, rolesLeastFirst } from "@/lib/roles";
import { Card, CardTitle } from "@/components/ui/card";
import { MemberTable } from "@/components/members/member-table";
import { InviteForm } from "@/components/members/invite-form";
import { PendingInvitations } from "@/components/members/pending-invitations";
import { JoinRequests } from "@/components/members/join-requests";
import { ArrivedPeople } from "@/components/members/arrived-people";
import { spaceOriginOf } from "@/lib/archive/data";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const { charter } = await currentCharter(space.id);
  const resource = { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf }, charter };
  // Showing controls is a courtesy; every action asks the policy again on the server, with the same facts.
  const canInvite = can(actor, "member.invite", resource).allow;
  // Only an owner of a space that is not a mirror may map; the policy says so (a fork's owner, in practice).
  const canMap = can(actor, "identity.map", resource).allow;
  const [members, requests, invitations, unclaimed, origin] = await Promise.all([
    listMembers(space.id),
    can(actor, "join.decide", resource).allow ? listPendingJoinRequests(space.id) : [],
    canInvite ? listOpenInvitations(space.id, new Date()) : [],
    canMap ? listUnclaimedMembers(space.id) : [],
    canMap ? spaceOriginOf(space.id) : null,
  ]);
  const invitableRoles = rolesLeastFirst.filter((grant) => can(actor, "member.invite", { ...resource, grant }).allow);

  return (
    <div className="space-y-6">
      <Card>
        <CardTitle>Members ({members.length})</CardTitle>
        <MemberTable
          spaceSlug={space.slug}
          viewerId={actor?.id ?? null}
          members={members.map((m) => ({
            userId: m.userId,
            name: m.user.name,
            role: m.role,
            joinedAt: m.joinedAt.toISOString(),
            roleChoices: roles.filter((to) => to === m.role || can(actor, "member.change-role", { ...resource, roleChange: { from: m.role, to } }).allow),
            canRemove: can(actor, "member.remove", { ...resource, targetRole: m.role }).allow,
          }))}
        />
      </Card>
      {canInvite ? (
        <Card>
          <CardTitle>Invite someone</CardTitle>
          <InviteForm spaceSlug={space.slug} roles={invitableRoles} />
          <h3 className="mb-2 mt-6 text-sm font-semibold">Open invitation links</h3>
          <PendingInvitations
            spaceSlug={space.slug}
            invitations={invitations.map((inv) => ({
              id: inv.id,
              role: inv.role,
              createdAt: inv.createdAt.toISOString(),
              expiresAt: inv.expiresAt.toISOString(),
              canRevoke: can(actor, "member.invite", { ...resource, grant: inv.role }).allow,
            }))}
          />
        </Card>
      ) : null}
      {unclaimed.length || origin?.mode === "fork" ? (
        <Card>
          <CardTitle>People who arrived with the archive</CardTitle>
          <p className="mb-3 text-sm text-zinc-700 dark:text-zinc-300">
            They claim their place by signing in here with the account they used at the origin. If someone uses another
            account here, map them: the user you name takes the person&apos;s place and role, and the history records it.
          </p>
          <ArrivedPeople spaceSlug={space.slug} people={unclaimed.map((p) => ({ userId: p.userId, name: p.user.name, role: p.role }))} />
        </Card>
      ) : null}
      {requests.length ? (
        <Card>
          <CardTitle>Requests to join</CardTitle>
          <JoinRequests
            spaceSlug={space.slug}
            requests={requests.map((r) => ({ id: r.id, name: r.user.name, message: r.message, createdAt: r.createdAt.toISOString() }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
