import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { appEnv, demoLoginEnabled } from "@/lib/env";
import { providerInfo } from "@/lib/auth/providers";
import { listDemoUsers } from "@/lib/auth/data";
import { currentActor } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback";
import { signInWithProvider } from "@/lib/auth/sign-in";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Sign in" };

const errorText: Record<string, string> = {
  OAuthAccountNotLinked:
    "An account with this e-mail already exists through another provider. Commonweights never links accounts by e-mail on its own: sign in with the provider you used before, then link this one in Settings.",
  AccessDenied: "Sign-in was refused.",
  RateLimited: "Too many sign-ins from your network in the last minute. Wait a minute, then try again.",
  Configuration: "Sign-in is misconfigured on this instance. The operator has been told in the server log.",
};

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await currentActor()) redirect(target);
  const env = appEnv();
  const providers = providerInfo(env);
  const demo = demoLoginEnabled(env);
  const demoUsers = demo ? await listDemoUsers() : [];

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-bold">Sign in to Commonweights</h1>
      {error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {errorText[error] ?? "Sign-in did not complete. Try again."}
        </p>
      ) : null}

      {providers.length > 0 ? (
        <Card>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">Use the account you already have:</p>
          <div className="space-y-2">
            {providers.map((provider) => (
              <form key={provider.id} action={signInWithProvider}>
                <input type="hidden" name="provider" value={provider.id} />
                <input type="hidden" name="callbackUrl" value={target} />
                <button type="submit" className={buttonClass("secondary", "w-full")}>
                  Continue with {provider.name}
                </button>
              </form>
            ))}
          </div>
        </Card>
      ) : null}

      {demo ? (
        <Card>
          <div className="mb-2 flex items-center gap-2">
            <h2 className="font-semibold">Demo sign-in</h2>
            <Badge tone="warn">demo</Badge>
          </div>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            This is a demo instance: pick one of the demo community&apos;s people to see Commonweights through their eyes.
            No password, and nothing here is real.
          </p>
          <ul className="space-y-2">
            {demoUsers.map((user) => (
              <li key={user.id}>
                <form method="post" action="/api/demo-login">
                  <input type="hidden" name="userId" value={user.id} />
                  <input type="hidden" name="callbackUrl" value={target} />
                  <button type="submit" className={buttonClass("secondary", "w-full justify-between")}>
                    <span>{user.name}</span>
                    <span className="text-xs text-zinc-500">
                      {user.memberships[0] ? `${user.memberships[0].role} of ${user.memberships[0].space.name}` : "no space yet"}
                    </span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {providers.length === 0 && !demo ? (
        <Card>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            No identity provider is configured on this instance. The operator sets one with environment variables such
            as <code className="font-mono">AUTH_GITHUB_ID</code> or <code className="font-mono">AUTH_OIDC_ISSUER</code>{" "}
            (see the README).
          </p>
        </Card>
      ) : null}
    </div>
  );
}
