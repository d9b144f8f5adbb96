"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptInvitationAction } from "@/lib/members/actions";
import { Button } from "@/components/ui/button";

export function AcceptInvitation({ token, spaceName }: { token: string; spaceName: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptInvitationAction({ token });
            if (result.ok) router.push(`/s/${result.data.spaceSlug}`);
            else setError(result.error.message);
          })
        }
      >
        Join {spaceName}
      </Button>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
    </div>
  );
}
