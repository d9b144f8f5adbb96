"use client";
// "Ask to join" for signed-in visitors of a public space.
import { useState, useTransition } from "react";
import { requestToJoinAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";

export function JoinRequestButton({ spaceSlug, pending: alreadyPending }: { spaceSlug: string; pending: boolean }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(alreadyPending ? "You have asked to join; a steward will answer." : null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      {!message ? (
        <Button
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await requestToJoinAction({ spaceSlug, message: "" });
              setMessage(result.ok ? "Request sent: a steward will answer." : result.error.message);
            })
          }
        >
          Ask to join
        </Button>
      ) : (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">{message}</p>
      )}
    </div>
  );
}
