"use client";
// The page behind an e-mail's "stop these e-mails" link: one button, the same use case as the one-click POST.
import { useState, useTransition } from "react";
import { unsubscribeAction } from "@/lib/notifications/actions";
import { Button } from "@/components/ui/button";

export function UnsubscribeConfirm({ token }: { token: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const confirm = () =>
    start(async () => {
      const result = await unsubscribeAction({ token });
      setMessage(result.ok ? { ok: true, text: `Done: no more e-mails for ${result.data.stopped.join(", ").toLowerCase() || "this"}. They still reach your inbox.` } : { ok: false, text: result.error.message });
    });
  return (
    <div className="space-y-3">
      <Button onClick={confirm} disabled={pending || message?.ok === true}>Stop these e-mails</Button>
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm" : "text-sm text-red-700 dark:text-red-300"}>{message.text}</p> : null}
    </div>
  );
}
