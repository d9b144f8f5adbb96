import Link from "next/link";
import type { Actor } from "@/lib/auth/session";
import { signOutAction } from "@/lib/auth/sign-in";
import { buttonClass } from "@/components/ui/button";
import { InboxBadge } from "@/components/notifications/inbox-badge";

export function SiteHeader({ actor, unread = 0 }: { actor: Actor | null; unread?: number }) {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
          <Logo />
          {/* Logo only on a phone, so the account links fit on one line beside it. */}
          <span className="sr-only sm:not-sr-only">Commonweights</span>
        </Link>
        <nav aria-label="Account" className="flex min-w-0 items-center gap-1 text-sm sm:gap-2">
          {actor ? (
            <>
              <InboxBadge initialUnread={unread} />
              {/* On a phone the name is cut short, never wrapped: "Sign out" stays on one line beside it. */}
              <Link href="/settings" className={buttonClass("ghost", "min-w-0 px-2 sm:px-3.5")} title={actor.name ?? actor.email ?? undefined}>
                <span className="max-w-[9rem] truncate whitespace-nowrap sm:max-w-xs" data-testid="current-user">
                  {actor.name ?? actor.email ?? "Your account"}
                </span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={buttonClass("secondary", "whitespace-nowrap px-2.5 sm:px-3.5")}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/signin" className={buttonClass("primary", "whitespace-nowrap")}>
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}

function Logo() {
  // Three weights on a balance: a community weighing a decision together.
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" className="text-brand-600">
      <path d="M12 3v18M5 21h14M4 8h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none" />
      <path d="M4 8l-2.5 5h5zM20 8l-2.5 5h5z" fill="currentColor" />
    </svg>
  );
}
