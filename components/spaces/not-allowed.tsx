// What a page shows when the policy refuses its action: the policy's own reason, and a way forward.
import Link from "next/link";
import type { PolicyDecision } from "@/lib/policy";
import { EmptyState } from "@/components/ui/empty-state";

type Refused = Extract<PolicyDecision, { allow: false }>;

export function signInHref(callbackPath: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`;
}

const linkClass = "text-brand-700 underline underline-offset-2 dark:text-brand-500";

/** "Sign in, and join this space" as a link that comes back to where the person was. */
export function SignInToJoin({ callbackPath, purpose }: { callbackPath: string; purpose?: string }) {
  return (
    <>
      <Link href={signInHref(callbackPath)} className={linkClass}>
        Sign in
      </Link>
      , and join this space{purpose ? `, ${purpose}` : ""}.
    </>
  );
}

export function NotAllowed({ title, refusal, callbackPath }: { title: string; refusal: Refused; callbackPath: string }) {
  return (
    <EmptyState title={title}>
      <p data-testid="refusal">
        {refusal.kind === "unauthenticated" ? (
          <Link href={signInHref(callbackPath)} className={linkClass}>
            {refusal.message}
          </Link>
        ) : (
          refusal.message
        )}
      </p>
      {refusal.kind === "unauthenticated" ? <p className="mt-1">Then join this space.</p> : null}
      {refusal.kind === "forbidden" && refusal.message.includes("not a member") ? <p className="mt-1">Ask to join this space first.</p> : null}
    </EmptyState>
  );
}
