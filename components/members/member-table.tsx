"use client";
// Members with their roles; whoever the policy lets changes roles and removes people, anyone can leave.
import { changeRoleAction, leaveSpaceAction, removeMemberAction } from "@/lib/members/actions";
import { roleTone, withArticle, type Role } from "@/lib/roles";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { StatusLine, useActionStatus } from "@/components/members/use-action-status";

/** `roleChoices`: the roles the viewer may give this member, their own included; `canRemove`: the policy's answer. */
type Member = { userId: string; name: string | null; role: Role; joinedAt: string; roleChoices: readonly Role[]; canRemove: boolean };

export function MemberTable({ spaceSlug, members, viewerId }: { spaceSlug: string; members: Member[]; viewerId: string | null }) {
  const { pending, status, run } = useActionStatus();
  return (
    <div className="space-y-3">
      <StatusLine status={status} />
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-zinc-500">
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
                  {member.name ?? "Unnamed"} {self ? <span className="text-xs text-zinc-500">(you)</span> : null}
                </td>
                <td className="py-2">
                  {member.roleChoices.length > 1 && !self ? (
                    <select
                      aria-label={`Role of ${member.name ?? "this member"}`}
                      className={`${inputClass} w-36 py-1`}
                      value={member.role}
                      disabled={pending}
                      onChange={(e) => {
                        // Read it now: the select is controlled, so React puts the old value back before the action returns.
                        const role = e.target.value as Role;
                        run(() => changeRoleAction({ spaceSlug, userId: member.userId, role }), () => `${member.name} is now ${withArticle(role)}.`);
                      }}
                    >
                      {member.roleChoices.map((r) => (
                        <option key={r} value={r}>{r}</option>
                      ))}
                    </select>
                  ) : (
                    <Badge tone={roleTone[member.role]}>{member.role}</Badge>
                  )}
                </td>
                <td className="py-2 text-zinc-500">
                  <time dateTime={member.joinedAt}>{new Date(member.joinedAt).toISOString().slice(0, 10)}</time>
                </td>
                <td className="py-2 text-right">
                  {self ? (
                    <Button variant="ghost" disabled={pending} onClick={() => run(() => leaveSpaceAction({ spaceSlug }), () => "You left the space.")}>
                      Leave
                    </Button>
                  ) : member.canRemove ? (
                    <Button
                      variant="danger"
                      disabled={pending}
                      aria-label={`Remove ${member.name ?? "this member"}`}
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
    </div>
  );
}
