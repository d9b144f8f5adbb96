"use client";
// Invitation links not yet used, revoked or expired: their role, when they expire, and a way to revoke each.
import { useState } from "react";
import { revokeInvitationAction } from "@/lib/members/actions";
import { Badge } from "@/components/ui/badge";
import { Confirm } from "@/components/ui/confirm";
import { LocalTime } from "@/components/ui/local-time";

/** `canRevoke`: the policy's answer for this link's role (revoking needs the right to invite as it). */
type Invitation = { id: string; role: string; createdAt: string; expiresAt: string; canRevoke: boolean };

export function PendingInvitations({ spaceSlug, invitations }: { spaceSlug: string; invitations: Invitation[] }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {done ? (
        <p role="status" className="text-sm">
          {done}
        </p>
      ) : null}
      {invitations.length === 0 ? (
        <p className="text-sm text-muted">No open invitation links.</p>
      ) : (
        <ul aria-label="Open invitation links" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {invitations.map((inv) => (
            <li key={inv.id} data-testid={`invitation-${inv.role}`} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span className="flex flex-wrap items-center gap-2">
                <Badge>{inv.role}</Badge>
                <span className="text-muted">
                  created <LocalTime at={inv.createdAt} style="date" />, expires <LocalTime at={inv.expiresAt} />
                </span>
              </span>
              {inv.canRevoke ? (
                <Confirm
                  id={`revoke-${inv.id}`}
                  trigger="Revoke"
                  triggerLabel={`Revoke the ${inv.role} invitation link`}
                  triggerVariant="ghost"
                  question={`Revoke this invitation link for a new ${inv.role}? Whoever has it can no longer join with it; the revocation is recorded in the space's history.`}
                  confirmLabel="Yes, revoke it"
                  cancelLabel="Keep it"
                  onConfirm={() => revokeInvitationAction({ spaceSlug, invitationId: inv.id })}
                  onDone={() => setDone(`The ${inv.role} invitation link was revoked.`)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
