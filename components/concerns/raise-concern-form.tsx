"use client";
// Raises a blocking concern: a short title (quoted in the tally) and a text in markdown, through the one form approach.
import { raiseConcernAction } from "@/lib/concerns/actions";
import { concernLimits, type ConcernSubjectKind } from "@/lib/concerns/rules";
import { raiseConcernFields } from "@/lib/concerns/schema";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, schemaProblems, useActionForm } from "@/components/ui/form";

type Values = { title: string; body: string };

export function RaiseConcernForm({ on, subjectId, blocks, onRaised }: { on: ConcernSubjectKind; subjectId: string; blocks: boolean; onRaised: () => void }) {
  const f = useActionForm<Values>({
    defaultValues: { title: "", body: "" },
    check: (values) => schemaProblems(raiseConcernFields, values, values),
  });
  const submit = f.handle(
    (values) => raiseConcernAction({ on, subjectId, title: values.title, body: values.body }),
    () => {
      f.form.reset();
      onRaised();
    },
  );
  const what = on === "decision" ? "this decision from passing" : "this release from going to a vote";
  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-3" aria-label="Raise a concern">
      <Field
        label="Concern"
        id={`concern-title-${subjectId}`}
        {...f.form.register("title")}
        maxLength={concernLimits.titleMax + 20}
        hint="A short title, quoted in the tally, e.g. “Eval set leaks into training data”."
        errors={f.errorsAt("title")}
      />
      <TextAreaField
        label="What is wrong, and what would resolve it"
        id={`concern-body-${subjectId}`}
        {...f.form.register("body")}
        rows={4}
        hint="Markdown. Kept in the governance record."
        errors={f.errorsAt("body")}
      />
      <ErrorSummary form={f} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={f.pending}>
          Raise concern
        </Button>
        <p className="text-xs text-muted">{blocks ? `While open, it keeps ${what}.` : "The charter does not let concerns block here: it is recorded and shown, and the vote goes on."}</p>
      </div>
    </ActionFormElement>
  );
}
