import type { Metadata } from "next";
import { loadSpacePage } from "../../load";
import { can } from "@/lib/policy";
import { eventTypes } from "@/lib/webhooks/schema";
import { spaceWebhooks, webhookDeliveries } from "@/lib/webhooks/use-cases/list-webhooks";
import { Card, CardTitle } from "@/components/ui/card";
import { NotAllowed } from "@/components/spaces/not-allowed";
import { WebhookCard } from "@/components/webhooks/webhook-card";
import { WebhookForm } from "@/components/webhooks/webhook-form";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const decision = can(actor, "webhook.manage", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } });
  if (!decision.allow) {
    return <NotAllowed title="You cannot manage this space's webhooks" refusal={decision} callbackPath={`/s/${slug}/settings/webhooks`} />;
  }
  const { webhooks } = await spaceWebhooks(actor, slug);
  const logs = await Promise.all(webhooks.map((w) => webhookDeliveries(actor, { spaceSlug: slug, webhookId: w.id })));
  return (
    <div className="max-w-3xl space-y-6">
      <Card>
        <CardTitle>Webhooks</CardTitle>
        <p className="mb-3 text-sm text-muted">
          Each event of this space that an endpoint takes is POSTed to it as JSON, signed per Standard Webhooks. Failed deliveries are retried with growing waits;
          a receiver that answers 410 Gone turns its endpoint off.
        </p>
        {webhooks.length === 0 ? (
          <p className="text-sm text-muted">No webhooks yet.</p>
        ) : (
          <div className="space-y-4">
            {webhooks.map((webhook, i) => {
              const log = logs[i];
              return <WebhookCard key={webhook.id} spaceSlug={slug} webhook={webhook} deliveries={log?.ok ? log.data.deliveries : []} />;
            })}
          </div>
        )}
      </Card>
      <Card>
        <CardTitle>Add a webhook</CardTitle>
        <WebhookForm spaceSlug={slug} eventTypes={eventTypes} />
      </Card>
    </div>
  );
}
