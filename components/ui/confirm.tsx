"use client";
// One confirmation for every irreversible step: a button opens an inline question (focused, so screen readers read
// it), optionally with a reason the record keeps; "Yes" runs the action through the same form approach.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm, type FieldErrors } from "@/components/ui/form";
import type { Result } from "@/lib/result";

type Props<T> = {
  /** The button that asks, e.g. "Remove". */
  trigger: ReactNode;
  triggerLabel?: string;
  triggerVariant?: "primary" | "danger" | "secondary" | "ghost";
  /** What happens, in a sentence or two. */
  question: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Ask for a reason (kept in the record); its label and limits. */
  reason?: { label: string; hint?: string; min?: number; max: number; /** Said when none is given. */ missing?: string };
  /** The form's accessible name; the question by default. */
  label?: string;
  disabled?: boolean;
  /** Where the question opens: a stable, unique id prefix. */
  id: string;
  onConfirm: (reason: string) => Promise<Result<T>>;
  onDone?: (data: T) => void;
  /** Called when the question closes without acting. */
  onCancel?: () => void;
  /** The question's test id ("confirm-question" by default). */
  testId?: string;
  /** Open the question at once (for a step started elsewhere, e.g. picking a new role). */
  startOpen?: boolean;
};

export function Confirm<T>({ label, testId = "confirm-question", trigger, triggerLabel, triggerVariant = "danger", question, confirmLabel, cancelLabel = "Cancel", reason, disabled, id, onConfirm, onDone, onCancel, startOpen = false }: Props<T>) {
  const [open, setOpen] = useState(startOpen);
  const asked = useRef<HTMLParagraphElement>(null);
  const reasonId = `${id}-reason`;
  const f = useActionForm<{ reason: string }>({
    defaultValues: { reason: "" },
    check: ({ reason: text }): FieldErrors => {
      if (!reason) return {};
      const length = text.trim().length;
      if (length === 0) return { reason: [reason.missing ?? "Give a reason; the record keeps it."] };
      if (length < (reason.min ?? 1)) return { reason: [`Give a reason of at least ${reason.min} characters; the record keeps it.`] };
      if (length > reason.max) return { reason: [`Keep the reason to ${reason.max} characters; it has ${length}.`] };
      return {};
    },
  });

  useEffect(() => {
    // With a reason to give, the cursor starts there; the question is its form's name, so it is read out too.
    if (open) (reason ? document.getElementById(reasonId) : asked.current)?.focus();
  }, [open, reason, reasonId]);

  const close = () => {
    setOpen(false);
    f.clear();
    f.form.reset();
    onCancel?.();
  };
  const submit = f.handle(
    (values) => onConfirm(values.reason.trim()),
    (data) => {
      setOpen(false);
      f.form.reset();
      onDone?.(data);
    },
  );

  if (!open) {
    return (
      <Button variant={triggerVariant} disabled={disabled} aria-label={triggerLabel} onClick={() => setOpen(true)}>
        {trigger}
      </Button>
    );
  }
  return (
    <ActionFormElement form={f} onSubmit={submit} aria-label={label} aria-labelledby={label ? undefined : `${id}-question`} className="w-full space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-left dark:border-amber-700 dark:bg-amber-950">
      <p ref={asked} id={`${id}-question`} tabIndex={-1} className="text-sm" data-testid={testId}>
        {question}
      </p>
      {reason ? (
        <TextAreaField label={reason.label} id={reasonId} {...f.form.register("reason")} rows={2} maxLength={reason.max + 100} hint={reason.hint} errors={f.errorsAt("reason")} />
      ) : null}
      <ErrorSummary form={f} compact />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={f.pending}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" disabled={f.pending} onClick={close}>
          {cancelLabel}
        </Button>
      </div>
    </ActionFormElement>
  );
}
