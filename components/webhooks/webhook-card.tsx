"use client";
// One endpoint: where it posts, what it receives, on or off, its secret's rotation, deletion, and its delivery log.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { deleteWebhookAction, rotateWebhookSecretAction, updateWebhookAction } from "@/lib/webhooks/actions";
import type { DeliveryView, WebhookView } from "@/lib/webhooks/view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Confirm } from "@/components/ui/confirm";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { SecretNotice } from "@/components/webhooks/secret-notice";

export function WebhookCard({ spaceSlug, webhook, deliveries }: { spaceSlug: string; webhook: WebhookView; deliveries: DeliveryView[] }) {
  const router = useRouter();
  const { pending, status, run } = useActionStatus();
  const [secret, setSecret] = useState<string | null>(null);
  const ref = { spaceSlug, webhookId: webhook.id };
  return (
    <section aria-label={`Webhook to ${webhook.url}`} data-testid="webhook" className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <p className="break-all font-mono text-sm">{webhook.url}</p>
          {webhook.description ? <p className="text-sm">{webhook.description}</p> : null}
          <p className="text-xs text-muted">{webhook.eventTypes.length === 0 ? "Every event type" : webhook.eventTypes.join(", ")}</p>
        </div>
        <Badge tone={webhook.enabled ? "brand" : "warn"}>{webhook.enabled ? "enabled" : webhook.disabledReason === "gone" ? "disabled (410 Gone)" : "disabled"}</Badge>
      </div>
      {secret ? <SecretNotice secret={secret} what="The secret is replaced." /> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => run(() => updateWebhookAction({ ...ref, enabled: !webhook.enabled }), () => (webhook.enabled ? "The webhook is off." : "The webhook is on."))}
        >
          {webhook.enabled ? "Turn off" : "Turn on"}
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(
              () => rotateWebhookSecretAction(ref),
              (data) => {
                setSecret(data.secret);
                return "Later deliveries are signed with the new secret.";
              },
            )
          }
        >
          Rotate secret
        </Button>
        <Confirm
          id={`delete-${webhook.id}`}
          trigger="Delete"
          triggerLabel={`Delete the webhook to ${webhook.url}`}
          question="Delete this webhook and its delivery log? Nothing more is sent to it; the deletion is recorded in the space's history."
          confirmLabel="Yes, delete it"
          cancelLabel="Keep it"
          onConfirm={() => deleteWebhookAction(ref)}
          onDone={() => router.refresh()}
        />
      </div>
      <StatusLine status={status} />
      <h3 className="text-sm font-semibold">Recent deliveries</h3>
      <DeliveryLog spaceSlug={spaceSlug} webhookId={webhook.id} deliveries={deliveries} canRedeliver={webhook.enabled} />
    </section>
  );
}
