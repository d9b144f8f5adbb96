"use client";
// Members with their roles; stewards and owners change roles and remove people, anyone can leave.
import { changeRoleAction, leaveSpaceAction, removeMemberAction } from "@/lib/members/actions";
import { withArticle, type SpaceRole } from "@/lib/policy";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { StatusLine, useActionStatus } from "@/components/members/use-action-status";
import { LocalTime } from "@/components/ui/local-time";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Member = { userId: string; name: string | null; role: string; joinedAt: string };
const roleOptions = ["owner", "steward", "auditor", "member"] as const;

export function MemberTable({ spaceSlug, members, viewerId, canManage }: { spaceSlug: string; members: Member[]; viewerId: string | null; canManage: boolean }) {
  const { pending, status, run } = useActionStatus();
  return (
    <div className="space-y-3">
      <StatusLine status={status} />
      <ScrollRegion label="Members table">
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="py-2">Name</th>
            <th scope="col" className="py-2">Role</th>
            <th scope="col" className="py-2">Joined</th>
            <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {members.map((member) => {
            const self = member.userId === viewerId;
            return (
              <tr key={member.userId} data-testid={`member-${member.name ?? member.userId}`}>
                <td className="py-2 font-medium">
                  {member.name ?? "Unnamed"} {self ? <span className="text-xs text-muted">(you)</span> : null}
                </td>
                <td className="py-2">
                  {canManage && !self ? (
                    <select
                      aria-label={`Role of ${member.name ?? "member"}`}
                      className={`${inputClass} min-w-28 py-1`}
                      value={member.role}
                      disabled={pending}
                      onChange={(e) => {
                        // Read it now: the select is controlled, so React puts the old value back before the action returns.
                        const role = e.target.value as SpaceRole;
                        run(() => changeRoleAction({ spaceSlug, userId: member.userId, role }), () => `${member.name} is now ${withArticle(role)}.`);
                      }}
                    >
                      {roleOptions.map((r) => (
                        <option key={r} value={r}>{r}</option>
                      ))}
                    </select>
                  ) : (
                    <Badge tone={member.role === "owner" || member.role === "steward" ? "brand" : "neutral"}>{member.role}</Badge>
                  )}
                </td>
                <td className="whitespace-nowrap py-2 pr-2 text-muted">
                  <LocalTime at={member.joinedAt} style="date" />
                </td>
                <td className="py-2 text-right">
                  {self ? (
                    <Button variant="ghost" disabled={pending} onClick={() => run(() => leaveSpaceAction({ spaceSlug }), () => "You left the space.")}>
                      Leave
                    </Button>
                  ) : canManage ? (
                    <Button
                      variant="danger"
                      disabled={pending}
                      aria-label={`Remove ${member.name ?? "member"}`}
                      onClick={() => run(() => removeMemberAction({ spaceSlug, userId: member.userId }), () => `${member.name} was removed.`)}
                    >
                      Remove
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </ScrollRegion>
    </div>
  );
}
