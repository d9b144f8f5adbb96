"use client";
// The inbox: entries newest first, each linking its subject (following one marks it read), mark one or all read.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { markReadAction } from "@/lib/notifications/actions";
import type { InboxEntry } from "@/lib/notifications/rules";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";

export function InboxList({ entries }: { entries: InboxEntry[] }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const mark = (input: { ids: string[] } | { all: true }) =>
    start(async () => {
      const result = await markReadAction(input);
      setError(result.ok ? null : result.error.message);
      void queryClient.invalidateQueries({ queryKey: ["unread"] });
      router.refresh();
    });
  if (entries.length === 0) return <EmptyState title="Nothing here yet">When a vote opens in a space you watch, or a release you watch is approved, it shows here.</EmptyState>;
  const unread = entries.filter((e) => !e.read).length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted" data-testid="inbox-unread">{unread === 0 ? "All read." : `${unread} unread`}</p>
        <Button variant="secondary" disabled={pending || unread === 0} onClick={() => mark({ all: true })}>
          Mark all read
        </Button>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="inbox-entries">
        {entries.map((entry) => (
          <li key={entry.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between" data-read={entry.read}>
            <div className="min-w-0">
              <Link href={entry.path} onClick={() => !entry.read && void markReadAction({ ids: [entry.id] })} className={`break-words underline-offset-2 hover:underline ${entry.read ? "" : "font-semibold"}`}>
                {entry.read ? null : <span className="sr-only">Unread: </span>}
                {entry.title}
              </Link>
              <p className="mt-1 break-words text-sm text-muted">{entry.body}</p>
              <p className="mt-1 text-xs text-muted"><LocalTime at={entry.createdAt} /></p>
            </div>
            {entry.read ? null : (
              <Button variant="ghost" disabled={pending} onClick={() => mark({ ids: [entry.id] })} aria-label={`Mark read: ${entry.title}`}>
                Mark read
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
