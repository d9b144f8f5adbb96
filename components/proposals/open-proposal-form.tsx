"use client";
// Starting a proposal: a title and the text that opens its thread.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm, type FieldErrors } from "@/components/ui/form";
import { openProposalAction } from "@/lib/threads/actions";

export function OpenProposalForm({ spaceSlug }: { spaceSlug: string }) {
  const router = useRouter();
  const f = useActionForm<{ title: string; body: string }>({
    defaultValues: { title: "", body: "" },
    check: (v): FieldErrors => ({
      title: v.title.trim().length < 3 ? ["Give the proposal a title of at least 3 characters."] : undefined,
      body: v.body.trim() === "" ? ["Say what you propose and why: the text opens the discussion."] : undefined,
    }) as FieldErrors,
  });
  const submit = f.handle(
    (v) => openProposalAction({ spaceSlug, title: v.title, body: v.body }),
    (data) => router.push(`/s/${spaceSlug}/proposals/${data.id}`),
  );
  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-4" aria-label="Start a proposal">
      <Field label="Title" id="title" {...f.form.register("title")} maxLength={200} errors={f.errorsAt("title")} hint='For example "[DISCUSS] Relicense the tokenizer under Apache-2.0?"' />
      <TextAreaField label="What you propose, and why (markdown)" id="body" rows={8} {...f.form.register("body")} errors={f.errorsAt("body")} />
      <ErrorSummary form={f} />
      <Button type="submit" disabled={f.pending}>
        Start the proposal
      </Button>
    </ActionFormElement>
  );
}
