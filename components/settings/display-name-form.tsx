"use client";
// Change the name everyone sees for you; the server's schema (lib/users/schema.ts) is checked first in the browser.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { updateDisplayNameAction } from "@/lib/users/actions";
import { DISPLAY_NAME_MAX, updateDisplayNameInput } from "@/lib/users/schema";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, schemaProblems, useActionForm } from "@/components/ui/form";

export function DisplayNameForm({ name }: { name: string | null }) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const f = useActionForm<{ name: string }>({
    defaultValues: { name: name ?? "" },
    check: (values) => schemaProblems(updateDisplayNameInput, values, values),
  });
  const submit = f.handle(
    (values) => {
      setSaved(null);
      return updateDisplayNameAction({ name: values.name });
    },
    (data) => {
      setSaved(data.changed ? `Saved. People now see you as ${data.name}.` : "That is already your name.");
      f.form.reset({ name: data.name });
      router.refresh();
    },
  );
  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label="Display name"
          id="display-name"
          {...f.form.register("name")}
          hint={`Shown in member lists, histories and on your profile; at most ${DISPLAY_NAME_MAX} characters. Changes are recorded.`}
          errors={f.errorsAt("name")}
          className="min-w-56 flex-1"
          autoComplete="name"
        />
        <Button type="submit" className="sm:mt-6" disabled={f.pending}>
          Save name
        </Button>
      </div>
      <ErrorSummary form={f} />
      {saved ? (
        <p role="status" className="text-sm text-brand-700 dark:text-brand-500">
          {saved}
        </p>
      ) : null}
    </ActionFormElement>
  );
}
