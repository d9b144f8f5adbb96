"use client";
// Create a token (its secret is shown once) and revoke old ones.
import { useState, useTransition } from "react";
import { createTokenAction, revokeTokenAction } from "@/lib/tokens/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function TokenManager({ tokens }: { tokens: TokenRow[] }) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  function create(formData: FormData) {
    startTransition(async () => {
      const result = await createTokenAction({ name: formData.get("name") });
      if (result.ok) {
        setCreated({ name: result.data.name, token: result.data.token });
        setErrors({});
        setMessage(null);
      } else {
        setErrors(result.error.fields ?? {});
        setMessage(result.error.fields ? null : result.error.message);
      }
    });
  }

  function revoke(tokenId: string) {
    startTransition(async () => {
      const result = await revokeTokenAction({ tokenId });
      setMessage(result.ok ? "Token revoked. Requests that use it are refused from now on." : result.error.message);
    });
  }

  return (
    <div className="space-y-5">
      {created ? (
        <div role="status" className="rounded-md border border-brand-500 bg-brand-50 p-3 text-sm dark:bg-brand-900/30">
          <p className="font-medium">Your new token “{created.name}”. Copy it now: it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs dark:bg-zinc-950">
            {created.token}
          </code>
        </div>
      ) : null}
      <form action={create} className="flex flex-wrap items-end gap-3">
        <Field label="Token name" name="name" placeholder="e.g. release CI" errors={errors.name} className="min-w-56 flex-1" maxLength={80} />
        <Button type="submit" disabled={pending}>
          Create token
        </Button>
      </form>
      {message ? <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">{message}</p> : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-muted">No tokens yet. A token lets scripts call the API as you.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Your tokens">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium">
                  {token.name} {token.revokedAt ? <Badge tone="danger">revoked</Badge> : <Badge tone="brand">active</Badge>}
                </p>
                <p className="text-xs text-muted">
                  <span className="font-mono">{token.prefix}…</span> · created <LocalTime at={token.createdAt} /> ·{" "}
                  {token.lastUsedAt ? <>last used <LocalTime at={token.lastUsedAt} /></> : "never used"}
                </p>
              </div>
              {token.revokedAt ? null : (
                <Button variant="danger" disabled={pending} onClick={() => revoke(token.id)} aria-label={`Revoke ${token.name}`}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
