"use client";
// The header's inbox link with the unread count, polled from GET /api/v1/notifications/unread (TanStack
// Query, like the live tally), so a new notification shows without reloading the page.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { buttonClass } from "@/components/ui/button";

async function fetchUnread(): Promise<number> {
  const response = await fetch("/api/v1/notifications/unread", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET /api/v1/notifications/unread: ${response.status}`);
  return ((await response.json()) as { unread: number }).unread;
}

export function InboxBadge({ initialUnread }: { initialUnread: number }) {
  const { data } = useQuery({ queryKey: ["unread"], queryFn: fetchUnread, initialData: initialUnread, refetchInterval: 10_000 });
  const unread = data ?? initialUnread;
  const label = unread === 0 ? "Inbox, nothing unread" : `Inbox, ${unread} unread`;
  return (
    <Link href="/inbox" className={buttonClass("ghost", "relative px-2 sm:px-3")} aria-label={label} title={label} data-testid="inbox-link">
      <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M22 12h-6l-2 3h-4l-2-3H2" />
        <path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z" />
      </svg>
      {unread > 0 ? (
        <span data-testid="inbox-badge" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-brand-600 px-1 text-center text-xs font-semibold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
