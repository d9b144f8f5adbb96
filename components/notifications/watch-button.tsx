"use client";
// Watch or mute a space or one of its items; "default" goes back to what membership implies.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setWatchAction } from "@/lib/notifications/actions";
import { Button } from "@/components/ui/button";

type Props = { spaceSlug: string; itemId?: string; watching: boolean; explicit: boolean; what: string };

export function WatchButton({ spaceSlug, itemId, watching, explicit, what }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const choose = (choice: "watch" | "mute" | "default") =>
    start(async () => {
      const result = await setWatchAction({ spaceSlug, ...(itemId ? { itemId } : {}), watching: choice });
      setError(result.ok ? null : result.error.message);
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="watch-control">
      <Button variant="secondary" disabled={pending} onClick={() => choose(watching ? "mute" : "watch")} aria-pressed={watching}>
        {watching ? `Stop watching this ${what}` : `Watch this ${what}`}
      </Button>
      {explicit ? (
        <Button variant="ghost" disabled={pending} onClick={() => choose("default")}>
          Back to default
        </Button>
      ) : null}
      {error ? <span role="alert" className="text-red-700 dark:text-red-300">{error}</span> : null}
    </div>
  );
}
