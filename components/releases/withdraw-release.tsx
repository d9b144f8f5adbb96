"use client";
// Withdrawing ends a proposal for good: an inline confirm step that asks why, and the record keeps the reason.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { transitionReleaseAction } from "@/lib/releases/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

const reasonMax = 500; // the same bound as withdrawalReasonMax in lib/releases/rules.ts

export function WithdrawRelease({ releaseId, disabled }: { releaseId: string; disabled?: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = `withdraw-${releaseId}-reason`;

  useEffect(() => {
    if (open) field.current?.focus();
  }, [open, error]);

  function confirm() {
    startTransition(async () => {
      const result = await transitionReleaseAction({ releaseId, to: "withdrawn", reason });
      if (result.ok) {
        setOpen(false);
        setReason("");
        setError(null);
        router.refresh();
        return;
      }
      const reasonError = result.error.fields?.reason?.join(" ");
      setError(reasonError ? { field: reasonError, message: result.error.message } : { message: result.error.message });
    });
  }

  if (!open) {
    return (
      <Button variant="danger" disabled={disabled} onClick={() => setOpen(true)}>
        Withdraw
      </Button>
    );
  }
  return (
    <form
      action={confirm}
      aria-label="Withdraw this release"
      className="w-full space-y-2 rounded-md border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950"
    >
      <p className="text-sm text-red-900 dark:text-red-100">
        Withdrawing ends this proposal for good: it cannot be reviewed, voted on or published afterwards.
      </p>
      <div>
        <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Reason for withdrawing
        </label>
        <textarea
          ref={field}
          id={fieldId}
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={reasonMax}
          aria-invalid={error?.field ? true : undefined}
          aria-describedby={error?.field ? `${fieldId}-error` : `${fieldId}-hint`}
          className={inputClass}
        />
        {error?.field ? (
          <p id={`${fieldId}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {error.field}
          </p>
        ) : (
          <p id={`${fieldId}-hint`} className="mt-1 text-xs text-muted">
            Shown on the release page and kept in the governance record (at most {reasonMax} characters).
          </p>
        )}
      </div>
      {error && !error.field ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          Withdraw the release
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => {
            setOpen(false);
            setError(null);
          }}
        >
          Keep it
        </Button>
      </div>
    </form>
  );
}
