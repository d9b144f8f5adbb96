"use client";
// Pending requests to join, for stewards to accept or decline.
import { decideJoinRequestAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";

type Request = { id: string; name: string | null; message: string; createdAt: string };

export function JoinRequests({ spaceSlug, requests }: { spaceSlug: string; requests: Request[] }) {
  const { pending, status, run } = useActionStatus();
  return (
    <div className="space-y-3">
      <StatusLine status={status} />
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {requests.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
            <span>
              <strong>{r.name ?? "Someone"}</strong> asked on {new Date(r.createdAt).toISOString().slice(0, 10)}
              {r.message ? <span className="text-zinc-500">: “{r.message}”</span> : null}
            </span>
            <span className="flex gap-2">
              <Button disabled={pending} onClick={() => run(() => decideJoinRequestAction({ spaceSlug, requestId: r.id, accept: true }), () => `${r.name} is now a member.`)}>
                Accept
              </Button>
              <Button variant="secondary" disabled={pending} onClick={() => run(() => decideJoinRequestAction({ spaceSlug, requestId: r.id, accept: false }), () => "Request declined.")}>
                Decline
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
