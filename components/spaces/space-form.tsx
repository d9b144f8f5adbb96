"use client";
// Create a space, or edit its settings: the same fields, the errors shown next to them.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createSpaceAction, updateSpaceAction } from "@/lib/spaces/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";

type Values = { slug: string; name: string; description: string; visibility: "public" | "private"; homepageUrl: string; sourceUrl: string; hfOrg: string };

export function SpaceForm({ mode, initial }: { mode: "create" | "edit"; initial?: Values }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function submit(formData: FormData) {
    const values = Object.fromEntries(formData);
    startTransition(async () => {
      const result =
        mode === "create" ? await createSpaceAction(values) : await updateSpaceAction({ ...values, spaceSlug: initial?.slug });
      if (result.ok) {
        setErrors({});
        if (mode === "create" && "slug" in result.data) router.push(`/s/${result.data.slug}`);
        else {
          setMessage({ ok: true, text: "Saved." });
          router.refresh();
        }
      } else {
        setErrors(result.error.fields ?? {});
        setMessage({ ok: false, text: result.error.message });
      }
    });
  }

  return (
    <form action={submit} className="space-y-5" noValidate>
      {mode === "create" ? (
        <Field label="Slug" name="slug" required placeholder="lumen" errors={errors.slug} hint="The space's address: /s/<slug>. Lowercase letters, digits and hyphens; it cannot change later." />
      ) : null}
      <Field label="Name" name="name" required defaultValue={initial?.name} placeholder="Lumen Collective" errors={errors.name} />
      <div>
        <label htmlFor="description" className="mb-1 block text-sm font-medium">Description</label>
        <textarea id="description" name="description" rows={6} defaultValue={initial?.description} className={inputClass} aria-describedby="description-hint" />
        <p id="description-hint" className="mt-1 text-xs text-muted">Markdown. What the community builds, and how it works.</p>
        {errors.description ? <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.description.join(" ")}</p> : null}
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Visibility</legend>
        <div className="flex flex-col gap-2 text-sm sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" value="public" defaultChecked={(initial?.visibility ?? "public") === "public"} /> Public: anyone can read it
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" value="private" defaultChecked={initial?.visibility === "private"} /> Private: only members know it exists
          </label>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Homepage" name="homepageUrl" type="url" defaultValue={initial?.homepageUrl} placeholder="https://…" errors={errors.homepageUrl} />
        <Field label="Source repository" name="sourceUrl" type="url" defaultValue={initial?.sourceUrl} placeholder="https://github.com/…" errors={errors.sourceUrl} />
        <Field label="Hugging Face organisation" name="hfOrg" defaultValue={initial?.hfOrg} placeholder="lumen-collective" errors={errors.hfOrg} />
      </div>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-brand-700" : "text-sm text-red-700 dark:text-red-300"}>
          {message.text}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>{mode === "create" ? "Create space" : "Save settings"}</Button>
    </form>
  );
}
