import Link from "next/link";
import type { Actor } from "@/lib/auth/session";
import { signOutAction } from "@/lib/auth/sign-in";
import { buttonClass } from "@/components/ui/button";

export function SiteHeader({ actor }: { actor: Actor | null }) {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <Logo />
          <span>Commonweights</span>
        </Link>
        <nav aria-label="Account" className="flex items-center gap-2 text-sm">
          {actor ? (
            <>
              <Link href="/settings" className={buttonClass("ghost")} data-testid="current-user">
                {actor.name ?? actor.email ?? "Your account"}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={buttonClass("secondary")}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/signin" className={buttonClass("primary")}>
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
