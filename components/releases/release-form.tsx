"use client";
// Propose or edit a release: prefill from a pasted model card, artifacts, components with licenses, links,
// with the MOF class computed live as people type.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ArtifactFields } from "@/components/releases/artifact-fields";
import { ComponentFields } from "@/components/releases/component-fields";
import { componentInputs, emptyComponents, toActionInput, type ReleaseFormValues } from "@/components/releases/form-state";
import { ModelCardImport } from "@/components/releases/model-card-import";
import { OpennessPanel } from "@/components/releases/openness-panel";
import { editReleaseAction, proposeReleaseAction } from "@/lib/releases/actions";
import { classifyOpenness, type MofComponentId } from "@/lib/releases/openness";
import type { ReleasePrefill, FormComponent } from "@/lib/releases/prefill";

type Props = {
  spaceSlug: string;
  initial: ReleaseFormValues;
  /** Present when editing. */
  releaseId?: string;
  /** Artifacts and components can change only while draft or in review. */
  partsEditable?: boolean;
  lineage: Array<{ id: string; label: string }>;
};

export function ReleaseForm({ spaceSlug, initial, releaseId, partsEditable = true, lineage }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<ReleaseFormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const inputs = useMemo(() => componentInputs(values), [values]);
  const openness = useMemo(() => classifyOpenness(inputs), [inputs]);
  const submitted = useMemo(() => toActionInput(values), [values]);

  const set = (patch: Partial<ReleaseFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const setComponent = (id: MofComponentId, patch: Partial<FormComponent>) =>
    setValues((v) => ({ ...v, components: { ...v.components, [id]: { ...v.components[id], ...patch } } }));

  function applyPrefill(p: ReleasePrefill) {
    setValues((v) => {
      const components = { ...emptyComponents(), ...v.components };
      for (const [id, c] of Object.entries(p.components)) components[id as MofComponentId] = c;
      return {
        ...v,
        modelName: p.modelName && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(p.modelName) ? p.modelName : v.modelName,
        baseModelRef: p.baseModelRef ?? v.baseModelRef,
        summary: p.summary || v.summary,
        components,
      };
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = releaseId
        ? await editReleaseAction({ releaseId, ...submitted, ...(partsEditable ? {} : { artifacts: undefined, components: undefined }) })
        : await proposeReleaseAction({ spaceSlug, ...submitted });
      if (result.ok) {
        router.push(`/s/${spaceSlug}/releases/${result.data.id}`);
        router.refresh();
      } else {
        setError(result.error.message);
        setErrors(result.error.fields ?? {});
      }
    });
  }

  const errorKeyOf = (id: MofComponentId) => {
    const index = submitted.components.findIndex((c) => c.component === id);
    return index === -1 ? null : `components.${index}`;
  };

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      {!releaseId ? <ModelCardImport onPrefill={applyPrefill} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Model name" name="modelName" value={values.modelName} onChange={(e) => set({ modelName: e.target.value })} errors={errors.modelName} required />
        <Field label="Version" name="version" value={values.version} onChange={(e) => set({ version: e.target.value })} errors={errors.version} placeholder="1.0" required />
        <div>
          <label htmlFor="previousReleaseId" className="mb-1 block text-sm font-medium">Previous release</label>
          <select id="previousReleaseId" className={inputClass} value={values.previousReleaseId} onChange={(e) => set({ previousReleaseId: e.target.value })}>
            <option value="">{releaseId ? "None" : "Latest release of this model (automatic)"}</option>
            {lineage.map((r) => (
              <option key={r.id} value={r.id}>{r.label}</option>
            ))}
          </select>
          {errors.previousReleaseId ? <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">{errors.previousReleaseId.join(" ")}</p> : null}
        </div>
        <Field
          label="Base model"
          name="baseModelRef"
          value={values.baseModelRef}
          onChange={(e) => set({ baseModelRef: e.target.value })}
          errors={errors.baseModelRef}
          hint="A registry reference, e.g. hf://org/name@<commit> or org/name"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="mb-1 block font-medium">Summary (markdown)</span>
          <textarea className={`${inputClass} h-40`} value={values.summary} onChange={(e) => set({ summary: e.target.value })} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">Changelog (markdown)</span>
          <textarea className={`${inputClass} h-40`} value={values.changelog} onChange={(e) => set({ changelog: e.target.value })} />
        </label>
      </div>
      {!partsEditable ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          A vote has opened on this release, so its artifacts and components are frozen. Registry links and text can still change until publication.
        </p>
      ) : null}
      <ArtifactFields rows={values.artifacts} onChange={(artifacts) => set({ artifacts })} disabled={!partsEditable} errors={errors} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <ComponentFields values={values.components} onChange={setComponent} disabled={!partsEditable} errors={errors} errorKeyOf={errorKeyOf} />
        <div aria-live="polite" className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <OpennessPanel result={openness} inputs={inputs} showComponents={false} />
        </div>
      </div>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">Registry links (one per line)</span>
        <textarea
          className={`${inputClass} h-24 font-mono`}
          value={values.links}
          onChange={(e) => set({ links: e.target.value })}
          placeholder={"hf://org/model@<40-hex commit>\nghcr.io/org/model@sha256:<64 hex>"}
          spellCheck={false}
        />
        {Object.entries(errors)
          .filter(([k]) => k.startsWith("links"))
          .map(([k, v]) => (
            <span key={k} role="alert" className="block text-red-700 dark:text-red-300">{v.join(" ")}</span>
          ))}
      </label>
      {error ? <p role="alert" data-testid="form-error" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
      <Button type="submit" disabled={pending}>{releaseId ? "Save changes" : "Propose release"}</Button>
    </form>
  );
}
