"use client";
// Create a token (its secret is shown once) and revoke old ones.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createTokenAction, revokeTokenAction } from "@/lib/tokens/actions";
import { Button } from "@/components/ui/button";
import { Confirm } from "@/components/ui/confirm";
import { Field } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";

type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function TokenManager({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const f = useActionForm<{ name: string }>({ defaultValues: { name: "" } });
  const create = f.handle(
    (values) => createTokenAction({ name: values.name }),
    (data) => {
      setCreated({ name: data.name, token: data.token });
      setMessage(null);
      f.form.reset();
      router.refresh();
    },
  );

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
      <ActionFormElement form={f} onSubmit={create} className="space-y-3">
        <div className="flex flex-wrap items-start gap-3">
          <Field label="Token name" id="token-name" {...f.form.register("name")} placeholder="e.g. release CI" errors={f.errorsAt("name")} className="min-w-56 flex-1" maxLength={80} />
          <Button type="submit" className="sm:mt-6" disabled={f.pending}>
            Create token
          </Button>
        </div>
        <ErrorSummary form={f} />
      </ActionFormElement>
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
                <Confirm
                  id={`revoke-${token.id}`}
                  trigger="Revoke"
                  triggerLabel={`Revoke ${token.name}`}
                  question={`Revoke “${token.name}”? Scripts that use it are refused from then on; a revoked token cannot be restored.`}
                  confirmLabel="Yes, revoke it"
                  cancelLabel="Keep it"
                  onConfirm={() => revokeTokenAction({ tokenId: token.id })}
                  onDone={() => {
                    setMessage("Token revoked. Requests that use it are refused from now on.");
                    router.refresh();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
