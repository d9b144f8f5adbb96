"use client";
// Members with their roles; whoever the policy lets changes roles and removes people, anyone can leave.
import { changeRoleAction, leaveSpaceAction, removeMemberAction } from "@/lib/members/actions";
import { roleName, roleTone, withArticle, type Role } from "@/lib/roles";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/ui/field";
import { Confirm } from "@/components/ui/confirm";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** `roleChoices`: the roles the viewer may give this member, their own included; `canRemove`: the policy's answer. */
type Member = { userId: string; name: string | null; role: Role; joinedAt: string; roleChoices: readonly Role[]; canRemove: boolean };

function roleConsequence(role: Role): string {
  if (role === roleName.owner) return "Owners can change every role, amend the charter and remove anyone, you included.";
  if (role === roleName.steward) return "Stewards manage members, releases and decisions.";
  if (role === roleName.auditor) return "Auditors file and review audit reports.";
  return "Members propose and vote; they lose any steward or owner powers.";
}

export function MemberTable({ spaceSlug, members, viewerId }: { spaceSlug: string; members: Member[]; viewerId: string | null }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  // A role picked in a select waits here until its confirmation is answered.
  const [picked, setPicked] = useState<{ userId: string; role: Role } | null>(null);
  const finish = (message: string) => {
    setDone(message);
    router.refresh();
  };
  return (
    <div className="space-y-3">
      {done ? (
        <p role="status" className="text-sm text-brand-700 dark:text-brand-500">
          {done}
        </p>
      ) : null}
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
                  <Link href={`/u/${member.userId}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-500">
                    {member.name ?? "Unnamed"}
                  </Link>{" "}
                  {self ? <span className="text-xs text-muted">(you)</span> : null}
                </td>
                <td className="py-2">
                  {member.roleChoices.length > 1 && !self ? (
                    <div className="space-y-2">
                      <select
                        aria-label={`Role of ${member.name ?? "this member"}`}
                        className={`${inputClass} w-36 py-1`}
                        value={picked?.userId === member.userId ? picked.role : member.role}
                        onChange={(e) => {
                          setDone(null);
                          setPicked({ userId: member.userId, role: e.target.value as Role });
                        }}
                      >
                        {member.roleChoices.map((r) => (
                          <option key={r} value={r}>{r}</option>
                        ))}
                      </select>
                      {picked?.userId === member.userId && picked.role !== member.role ? (
                        <Confirm
                          key={picked.role}
                          id={`role-${member.userId}`}
                          startOpen
                          trigger="Change role"
                          question={`Make ${member.name ?? "this member"} ${withArticle(picked.role)} instead of ${withArticle(member.role)}? ${roleConsequence(picked.role)} The change is recorded in the space's history.`}
                          confirmLabel={`Yes, make them ${withArticle(picked.role)}`}
                          cancelLabel="Keep the role"
                          onConfirm={() => changeRoleAction({ spaceSlug, userId: member.userId, role: picked.role })}
                          onDone={() => {
                            setPicked(null);
                            finish(`${member.name} is now ${withArticle(picked.role)}.`);
                          }}
                          onCancel={() => setPicked(null)}
                        />
                      ) : null}
                    </div>
                  ) : (
                    <Badge tone={roleTone[member.role]}>{member.role}</Badge>
                  )}
                </td>
                <td className="whitespace-nowrap py-2 pr-2 text-muted">
                  <LocalTime at={member.joinedAt} style="date" />
                </td>
                <td className="py-2 text-right">
                  {self ? (
                    <Confirm
                      id="leave-space"
                      trigger="Leave"
                      triggerVariant="ghost"
                      question="Leave this space? You lose your role and your vote at once; to come back you need a new invitation or an accepted request."
                      confirmLabel="Yes, leave"
                      cancelLabel="Stay"
                      onConfirm={() => leaveSpaceAction({ spaceSlug })}
                      onDone={() => finish("You left the space.")}
                    />
                  ) : member.canRemove ? (
                    <Confirm
                      id={`remove-${member.userId}`}
                      trigger="Remove"
                      triggerLabel={`Remove ${member.name ?? "this member"}`}
                      question={`Remove ${member.name ?? "this member"} from the space? They lose their role and their vote at once; to come back they need a new invitation or an accepted request.`}
                      confirmLabel={`Yes, remove ${member.name ?? "them"}`}
                      cancelLabel="Keep them"
                      onConfirm={() => removeMemberAction({ spaceSlug, userId: member.userId })}
                      onDone={() => finish(`${member.name} was removed.`)}
                    />
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
