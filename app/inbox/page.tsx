import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { inbox } from "@/lib/notifications/use-cases/inbox";
import { InboxList } from "@/components/notifications/inbox-list";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=/inbox");
  const result = await inbox(actor);
  const entries = result.ok ? result.data.notifications : [];
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Inbox</h1>
        <Link href="/settings/notifications" className="text-sm underline underline-offset-2">Notification settings</Link>
      </div>
      <InboxList entries={entries} />
    </div>
  );
}
