"use client";
// Runs a server action in a transition and keeps its outcome as a message to show.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { Result } from "@/lib/result";

export function useActionStatus() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  function run<T>(action: () => Promise<Result<T>>, success: (data: T) => string) {
    startTransition(async () => {
      const result = await action();
      setStatus(result.ok ? { ok: true, message: success(result.data) } : { ok: false, message: result.error.message });
      if (result.ok) router.refresh();
    });
  }
  return { pending, status, run };
}

export function StatusLine({ status }: { status: { ok: boolean; message: string } | null }) {
  if (!status) return null;
  return (
    <p role={status.ok ? "status" : "alert"} className={status.ok ? "text-sm text-brand-700 dark:text-brand-500" : "text-sm text-red-700 dark:text-red-300"}>
      {status.message}
    </p>
  );
}
