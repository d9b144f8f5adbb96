import type { Metadata } from "next";
import { Card, CardTitle } from "@/components/ui/card";
import { UnsubscribeConfirm } from "@/components/notifications/unsubscribe-confirm";

export const metadata: Metadata = { title: "Unsubscribe" };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <CardTitle>Stop these e-mails</CardTitle>
        {token ? (
          <>
            <p className="mb-4 text-sm text-muted">You will stop getting e-mails of this kind. Nothing changes in your inbox, and you can turn them back on in your notification settings.</p>
            <UnsubscribeConfirm token={token} />
          </>
        ) : (
          <p className="text-sm">This link is incomplete. Change your e-mails in your notification settings instead.</p>
        )}
      </Card>
    </div>
  );
}
