"use client";
// One endpoint's newest deliveries: status, response code, attempts, next retry, last error, and a way to send again.
import { redeliverWebhookAction } from "@/lib/webhooks/actions";
import type { DeliveryView } from "@/lib/webhooks/view";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";

const tones: Record<DeliveryView["status"], BadgeTone> = { delivered: "brand", pending: "info", failed: "danger", cancelled: "neutral" };

export function DeliveryLog({ spaceSlug, webhookId, deliveries, canRedeliver }: { spaceSlug: string; webhookId: string; deliveries: DeliveryView[]; canRedeliver: boolean }) {
  const { pending, status, run } = useActionStatus();
  if (deliveries.length === 0) return <p className="text-sm text-muted">Nothing delivered yet.</p>;
  return (
    <div className="space-y-2">
      <StatusLine status={status} />
      <ul aria-label="Deliveries" className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        {deliveries.map((d) => (
          <li key={d.id} data-testid="webhook-delivery" className="space-y-1 py-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={tones[d.status]}>{d.status}</Badge>
                <code className="font-mono text-xs">{d.eventType}</code>
                <span className="text-muted">
                  {d.responseStatus === null ? "no response" : `HTTP ${d.responseStatus}`} · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                </span>
              </span>
              {canRedeliver ? (
                <Button
                  variant="secondary"
                  disabled={pending}
                  aria-label={`Send the ${d.eventType} delivery again`}
                  onClick={() => run(() => redeliverWebhookAction({ spaceSlug, webhookId, deliveryId: d.id }), () => `The ${d.eventType} delivery is queued again, with the same webhook-id.`)}
                >
                  Redeliver
                </Button>
              ) : null}
            </div>
            <p className="text-xs text-muted">
              <span className="font-mono">{d.id}</span>
              {d.lastAttemptAt ? <> · last tried <LocalTime at={d.lastAttemptAt} /></> : null}
              {d.nextAttemptAt ? <> · next retry <LocalTime at={d.nextAttemptAt} /></> : null}
            </p>
            {d.lastError ? <p className="text-xs text-red-700 dark:text-red-300">{d.lastError}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
