"use client";
// Notification settings: one channel per kind of event (inbox, e-mail at once, daily or weekly digest, off).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updatePreferencesAction } from "@/lib/notifications/actions";
import { channelLabels, channels, kindLabels, notificationKinds, type Channel, type NotificationKind } from "@/lib/notifications/rules";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm } from "@/components/ui/form";

type Values = Record<NotificationKind, Channel>;

export function PreferencesForm({ initial }: { initial: Values }) {
  const router = useRouter();
  const f = useActionForm<Values>({ defaultValues: initial });
  const [saved, setSaved] = useState(false);
  const submit = f.handle(
    async (values) => {
      setSaved(false);
      return updatePreferencesAction(values);
    },
    () => {
      setSaved(true);
      router.refresh();
    },
  );
  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        {notificationKinds.map((kind) => (
          <SelectField key={kind} label={kindLabels[kind]} id={`pref-${kind}`} {...f.form.register(kind)} errors={f.errorsAt(kind)} hint={kind === "mention" ? "A mention always reaches your inbox, even when set to off." : undefined}>
            {channels.map((channel) => (
              <option key={channel} value={channel}>{channelLabels[channel]}</option>
            ))}
          </SelectField>
        ))}
      </div>
      <ErrorSummary form={f} />
      {saved ? <p role="status" className="text-sm text-brand-700 dark:text-brand-500">Saved.</p> : null}
      <Button type="submit" disabled={f.pending}>Save notification settings</Button>
    </ActionFormElement>
  );
}
