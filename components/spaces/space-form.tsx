"use client";
// Create a space, or edit its settings: the same fields, the errors shown next to them.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createSpaceAction, updateSpaceAction } from "@/lib/spaces/actions";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm } from "@/components/ui/form";
import type { Result } from "@/lib/result";

type Values = { slug: string; name: string; description: string; visibility: "public" | "private"; homepageUrl: string; sourceUrl: string; hfOrg: string };

const blank: Values = { slug: "", name: "", description: "", visibility: "public", homepageUrl: "", sourceUrl: "", hfOrg: "" };

export function SpaceForm({ mode, initial }: { mode: "create" | "edit"; initial?: Values }) {
  const router = useRouter();
  const f = useActionForm<Values>({ defaultValues: initial ?? blank });
  const { register } = f.form;
  const [saved, setSaved] = useState(false);

  const submit = f.handle(
    async (values): Promise<Result<{ slug?: string; changed?: string[] }>> => {
      setSaved(false);
      if (mode === "create") return createSpaceAction(values);
      const { slug: _slug, ...settings } = values;
      return updateSpaceAction({ ...settings, spaceSlug: initial?.slug });
    },
    (data) => {
      if (mode === "create" && data.slug) router.push(`/s/${data.slug}`);
      else {
        setSaved(true);
        router.refresh();
      }
    },
  );

  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-5">
      {mode === "create" ? (
        <Field label="Slug" id="slug" {...register("slug")} required placeholder="lumen" errors={f.errorsAt("slug")} hint="The space's address: /s/<slug>. Lowercase letters, digits and hyphens; it cannot change later." />
      ) : null}
      <Field label="Name" id="name" {...register("name")} required placeholder="Lumen Collective" errors={f.errorsAt("name")} />
      <TextAreaField label="Description" id="description" {...register("description")} rows={6} hint="Markdown. What the community builds, and how it works." errors={f.errorsAt("description")} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Visibility</legend>
        <div className="flex flex-col gap-2 text-sm sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" {...register("visibility")} value="public" /> Public: anyone can read it
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" {...register("visibility")} value="private" /> Private: only members know it exists
          </label>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Homepage" id="homepageUrl" {...register("homepageUrl")} type="url" placeholder="https://…" errors={f.errorsAt("homepageUrl")} />
        <Field label="Source repository" id="sourceUrl" {...register("sourceUrl")} type="url" placeholder="https://github.com/…" errors={f.errorsAt("sourceUrl")} />
        <Field label="Hugging Face organisation" id="hfOrg" {...register("hfOrg")} placeholder="lumen-collective" errors={f.errorsAt("hfOrg")} />
      </div>
      <ErrorSummary form={f} />
      {saved ? (
        <p role="status" className="text-sm text-brand-700 dark:text-brand-500">
          Saved.
        </p>
      ) : null}
      <Button type="submit" disabled={f.pending}>{mode === "create" ? "Create space" : "Save settings"}</Button>
    </ActionFormElement>
  );
}
