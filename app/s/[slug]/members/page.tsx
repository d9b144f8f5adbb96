import type { Metadata } from "next";
import { loadSpacePage } from "../load";
import { listMembers, listPendingJoinRequests } from "@/lib/members/data";
import { currentCharter } from "@/lib/charter/data";
import { can } from "@/lib/policy";
import { Card, CardTitle } from "@/components/ui/card";
import { MemberTable } from "@/components/members/member-table";
import { InviteForm } from "@/components/members/invite-form";
import { JoinRequests } from "@/components/members/join-requests";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const { charter } = await currentCharter(space.id);
  const resource = { space: { visibility: space.visibility, role } };
  // Showing controls is a courtesy; every action checks the policy again on the server.
  const canManage = can(actor, "member.change-role", resource).allow;
  const canInvite = can(actor, "member.invite", { ...resource, charterRoles: charter.membership.whoInvites }).allow;
  const [members, requests] = await Promise.all([listMembers(space.id), can(actor, "join.decide", resource).allow ? listPendingJoinRequests(space.id) : []]);
  const invitableRoles = ["member", "auditor", "steward", ...(role && charter.membership.whoGrantsOwner.includes(role) ? ["owner"] : [])];

  return (
    <div className="space-y-6">
      <Card>
        <CardTitle>Members ({members.length})</CardTitle>
        <MemberTable
          spaceSlug={space.slug}
          viewerId={actor?.id ?? null}
          canManage={canManage}
          members={members.map((m) => ({ userId: m.userId, name: m.user.name, role: m.role, joinedAt: m.joinedAt.toISOString() }))}
        />
      </Card>
      {canInvite ? (
        <Card>
          <CardTitle>Invite someone</CardTitle>
          <InviteForm spaceSlug={space.slug} roles={invitableRoles} />
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
