import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { getProfile } from "@/lib/auth/data";
import { listTokens } from "@/lib/tokens/data";
import { providerInfo } from "@/lib/auth/providers";
import { appEnv } from "@/lib/env";
import { signInWithProvider } from "@/lib/auth/sign-in";
import { Card, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { TokenManager } from "@/components/settings/token-manager";
import { DisplayNameForm } from "@/components/settings/display-name-form";
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=/settings");
  const [profile, tokens] = await Promise.all([getProfile(actor.id), listTokens(actor.id)]);
  if (!profile) redirect("/signin");
  const providers = providerInfo(appEnv());
  const linked = new Set(profile.accounts.map((a) => a.provider));

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Settings</h1>
      <Card>
        <CardTitle action={<Link href={`/u/${profile.id}`} className="text-sm text-brand-700 underline underline-offset-2 dark:text-brand-500">Your public profile</Link>}>Profile</CardTitle>
        <div className="mb-4">
          <DisplayNameForm name={profile.name} />
        </div>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-muted">Name</dt>
          <dd data-testid="profile-name">{profile.name ?? "—"}</dd>
          <dt className="text-muted">E-mail</dt>
          <dd>{profile.email ?? "—"}</dd>
          <dt className="text-muted">Member since</dt>
          <dd><LocalTime at={profile.createdAt} /></dd>
        </dl>
        {profile.isDemo ? (
          <p className="mt-3 text-sm text-amber-700 dark:text-amber-300">
            <Badge tone="warn">demo</Badge> This is a demo account: it exists only on this demo instance.
          </p>
        ) : null}
      </Card>

      <Card>
        <CardTitle>Linked accounts</CardTitle>
        {profile.accounts.length === 0 ? (
          <p className="text-sm text-muted">No identity provider is linked to this account.</p>
        ) : (
          <ul className="space-y-2 text-sm" aria-label="Linked accounts">
            {profile.accounts.map((account) => (
              <li key={`${account.provider}:${account.providerAccountId}`} className="flex items-center gap-2">
                <Badge tone="brand">{providers.find((p) => p.id === account.provider)?.name ?? account.provider}</Badge>
                <span className="font-mono text-xs text-muted">{account.providerAccountId}</span>
                <span className="text-xs text-muted">linked <LocalTime at={account.createdAt} /></span>
              </li>
            ))}
          </ul>
        )}
        {providers.some((p) => !linked.has(p.id)) ? (
          <div className="mt-4 flex flex-wrap gap-2">
            {providers
              .filter((p) => !linked.has(p.id))
              .map((provider) => (
                <form key={provider.id} action={signInWithProvider}>
                  <input type="hidden" name="provider" value={provider.id} />
                  <input type="hidden" name="callbackUrl" value="/settings" />
                  <button type="submit" className={buttonClass("secondary")}>
                    Link {provider.name}
                  </button>
                </form>
              ))}
          </div>
        ) : null}
        <p className="mt-3 text-xs text-muted">
          Accounts are only linked when you ask here, while signed in: never silently because two providers share an e-mail.
        </p>
      </Card>

      <Card>
        <CardTitle>Personal access tokens</CardTitle>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Send <code className="font-mono">Authorization: Bearer &lt;token&gt;</code> to call the API as yourself. Tokens are stored
          hashed: we can&apos;t show one again.
        </p>
        <TokenManager
          tokens={tokens.map((t) => ({
            ...t,
            createdAt: t.createdAt.toISOString(),
            lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
            revokedAt: t.revokedAt?.toISOString() ?? null,
          }))}
        />
      </Card>
    </div>
  );
}
