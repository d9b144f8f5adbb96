"use client";
// A webhook's signing secret, the one time it is shown (on creation and rotation).
import { CopyButton } from "@/components/ui/copy-button";

export function SecretNotice({ secret, what }: { secret: string; what: string }) {
  return (
    <div role="status" className="rounded-md border border-brand-500 bg-brand-50 p-3 text-sm dark:bg-brand-900/30">
      <p className="font-medium">{what} Copy the signing secret now: it will not be shown again.</p>
      <div className="mt-2 flex items-start gap-2">
        <code data-testid="webhook-secret" className="block min-w-0 flex-1 break-all rounded bg-white p-2 font-mono text-xs dark:bg-zinc-950">
          {secret}
        </code>
        <CopyButton value={secret} label="Copy the signing secret" />
      </div>
      <p className="mt-2 text-muted">Receivers verify each delivery with it (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).</p>
    </div>
  );
}
