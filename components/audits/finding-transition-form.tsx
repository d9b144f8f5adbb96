"use client";
// Moves one finding to a next status the lifecycle and the viewer's role allow, with a note and optional evidence.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { moveFindingAction } from "@/lib/audits/actions";
import { transitionFindingInput } from "@/lib/audits/schema";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, schemaProblems, useActionForm } from "@/components/ui/form";
import { findingStatusLabel } from "@/components/audits/badges";

type Values = { to: string; note: string; url: string; sha256: string };

/** An action's error path -> the field that shows it. */
const fieldOf = (path: string) => (path === "status" ? "to" : path === "evidence.url" || path === "evidence" ? "url" : path === "evidence.sha256" ? "sha256" : path);

export function FindingTransitionForm({ findingId, number, targets }: { findingId: string; number: number; targets: string[] }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const toInput = (v: Values) => {
    const evidence = v.url.trim() ? { url: v.url.trim(), ...(v.sha256.trim() ? { sha256: v.sha256.trim() } : {}) } : undefined;
    return { findingId, status: v.to, note: v.note, ...(evidence ? { evidence } : {}) };
  };
  const f = useActionForm<Values>({
    defaultValues: { to: targets[0] ?? "", note: "", url: "", sha256: "" },
    check: (v) => ({
      ...schemaProblems(transitionFindingInput, toInput(v), v, fieldOf),
      ...(v.sha256.trim() && !v.url.trim() ? { url: ["Give the evidence URL that the SHA-256 belongs to."] } : {}),
    }),
    fieldOf,
  });
  const id = `finding-${number}-move`;
  const submit = f.handle(
    (v) => {
      setDone(null);
      return moveFindingAction(toInput(v));
    },
    (data) => {
      f.form.reset({ to: targets[0] ?? "", note: "", url: "", sha256: "" });
      setDone(`Finding ${number} is now ${findingStatusLabel(data.to)}.`);
      router.refresh();
    },
  );
  return (
    <ActionFormElement form={f} onSubmit={submit} className="mt-3 space-y-2 rounded-md bg-zinc-50 p-3 dark:bg-zinc-950" aria-label={`Update finding ${number}`}>
      <div className="grid gap-2 sm:grid-cols-[12rem_1fr]">
        <SelectField label={`Move finding ${number} to`} id={`${id}-to`} {...f.form.register("to")} errors={f.errorsAt("to")}>
          {targets.map((t) => (
            <option key={t} value={t}>{findingStatusLabel(t)}</option>
          ))}
        </SelectField>
        <Field label={`Note for finding ${number}`} id={`${id}-note`} {...f.form.register("note")} placeholder="What was done, or why" errors={f.errorsAt("note")} />
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <Field label={`Evidence URL for finding ${number}`} id={`${id}-url`} type="url" {...f.form.register("url")} placeholder="https://…" errors={f.errorsAt("url")} />
        <Field label="Evidence SHA-256 (optional)" id={`${id}-sha`} className="[&_input]:font-mono" {...f.form.register("sha256")} errors={f.errorsAt("sha256")} />
      </div>
      <Button type="submit" variant="secondary" disabled={f.pending || targets.length === 0}>Update finding {number}</Button>
      <ErrorSummary form={f} />
      {done ? (
        <p role="status" className="text-sm text-brand-700 dark:text-brand-500">
          {done}
        </p>
      ) : null}
    </ActionFormElement>
  );
}
