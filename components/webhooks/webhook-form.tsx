"use client";
// Registers a webhook endpoint: its address, a description, and the event types it receives (none ticked: all).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, FieldMessage, useActionForm } from "@/components/ui/form";
import { SecretNotice } from "@/components/webhooks/secret-notice";

type Values = { url: string; description: string; eventTypes: string[] };

export function WebhookForm({ spaceSlug, eventTypes }: { spaceSlug: string; eventTypes: string[] }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const f = useActionForm<Values>({ defaultValues: { url: "", description: "", eventTypes: [] } });
  const submit = f.handle(
    (values) => {
      setSecret(null);
      return createWebhookAction({ spaceSlug, url: values.url, description: values.description, eventTypes: values.eventTypes || [] });
    },
    (data) => {
      setSecret(data.secret);
      f.form.reset();
      router.refresh();
    },
  );
  const typeErrors = f.errorsAt("eventTypes");
  return (
    <div className="space-y-3">
      {secret ? <SecretNotice secret={secret} what="The webhook is registered." /> : null}
      <ActionFormElement form={f} onSubmit={submit} className="space-y-3">
        <Field label="Payload URL" id="webhook-url" type="url" placeholder="https://ci.example.org/hooks/commonweights" {...f.form.register("url")} errors={f.errorsAt("url")} />
        <Field label="Description (optional)" id="webhook-description" {...f.form.register("description")} errors={f.errorsAt("description")} />
        <fieldset aria-describedby={typeErrors.length ? "webhook-types-error" : undefined}>
          <legend className="text-sm font-medium">Event types</legend>
          <p className="text-sm text-muted">Tick none to receive every event of this space.</p>
          <div className="mt-2 grid max-h-56 grid-cols-1 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 text-sm sm:grid-cols-2 dark:border-zinc-800">
            {eventTypes.map((type) => (
              <label key={type} className="flex items-center gap-2 font-mono text-xs">
                <input type="checkbox" value={type} {...f.form.register("eventTypes")} />
                {type}
              </label>
            ))}
          </div>
          <FieldMessage id="webhook-types-error" messages={typeErrors} />
        </fieldset>
        <Button type="submit" disabled={f.pending}>Add webhook</Button>
        <ErrorSummary form={f} />
      </ActionFormElement>
    </div>
  );
}
