import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { notificationPreferences } from "@/lib/notifications/use-cases/preferences";
import { Card, CardTitle } from "@/components/ui/card";
import { PreferencesForm } from "@/components/notifications/preferences-form";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=/settings/notifications");
  const preferences = await notificationPreferences(actor);
  if (!preferences.ok) redirect("/signin");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Notification settings</h1>
      <Card>
        <CardTitle>How you hear about each kind of event</CardTitle>
        <p className="mb-4 text-sm text-muted">
          You hear about the decisions and releases of the spaces you are a member of, and of any space or item you watch. Watch or mute a space from its page. These
          settings are yours alone: they are not part of any space&apos;s governance record.
        </p>
        <PreferencesForm initial={preferences.data.channels} />
      </Card>
    </div>
  );
}
