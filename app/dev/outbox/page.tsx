import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listOutbox } from "@/lib/mail/data";
import { usesLocalOutbox } from "@/lib/mail/settings";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Local mail outbox" };

// Only while no SMTP_URL is set (the embedded demo): the mail this instance would have sent.
export default async function OutboxPage() {
  if (!usesLocalOutbox()) notFound();
  const mails = await listOutbox();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">Local mail outbox</h1>
      <p className="text-sm text-muted">No SMTP server is configured (SMTP_URL), so e-mails are kept here instead of being sent. Newest first, the last 50.</p>
      {mails.length === 0 ? <EmptyState title="No mail yet">Open a vote in a space with members to see one.</EmptyState> : null}
      <ul className="space-y-3">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            <p className="font-medium break-words">{mail.subject}</p>
            <p className="text-sm text-muted break-words">To {mail.to} · <LocalTime at={mail.createdAt} /></p>
            <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words text-sm">{mail.text}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
