"use client";
// Propose or edit a release: prefill from a pasted model card, artifacts, components with licenses, links,
// with the MOF class computed live as people type.
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm } from "@/components/ui/form";
import { ArtifactFields } from "@/components/releases/artifact-fields";
import { ComponentFields } from "@/components/releases/component-fields";
import { releaseProblems } from "@/components/releases/form-check";
import { componentInputs, emptyComponents, releaseFieldOf, toActionInput, type ReleaseFormValues } from "@/components/releases/form-state";
import { ModelCardImport } from "@/components/releases/model-card-import";
import { OpennessPanel } from "@/components/releases/openness-panel";
import { editReleaseAction, proposeReleaseAction } from "@/lib/releases/actions";
import { classifyOpenness, type MofComponentId } from "@/lib/releases/openness";
import type { ReleasePrefill, FormComponent } from "@/lib/releases/prefill";
import type { Result } from "@/lib/result";

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
  const f = useActionForm<ReleaseFormValues>({
    defaultValues: initial,
    check: (values) => releaseProblems(values, { parts: partsEditable }),
    fieldOf: releaseFieldOf,
  });
  const values = useWatch({ control: f.form.control }) as ReleaseFormValues;
  const inputs = useMemo(() => componentInputs(values), [values]);
  const openness = useMemo(() => classifyOpenness(inputs), [inputs]);
  // A model card's summary waits here while the person decides whether it replaces the one they typed.
  const [cardSummary, setCardSummary] = useState<string | null>(null);
  const [autoIncluded, setAutoIncluded] = useState<MofComponentId[]>([]);

  const setComponent = (id: MofComponentId, patch: Partial<FormComponent>) => {
    const before = f.form.getValues(`components.${id}`);
    const next = { ...before, ...patch };
    // A license typed for a component that is not ticked would say nothing: typing one includes the component.
    if (patch.license !== undefined && patch.license.trim() !== "" && before.license.trim() === "" && !before.included) {
      next.included = true;
      setAutoIncluded((list) => [...new Set([...list, id])]);
    }
    if (patch.included !== undefined) setAutoIncluded((list) => list.filter((x) => x !== id));
    f.set(`components.${id}`, next);
  };

  function applyPrefill(p: ReleasePrefill) {
    const v = f.form.getValues();
    const components = { ...emptyComponents(), ...v.components };
    for (const [id, c] of Object.entries(p.components)) components[id as MofComponentId] = c;
    f.set("components", components);
    // What the person typed stays: the card fills only empty fields, and asks before replacing a summary.
    if (!v.modelName.trim() && p.modelName && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(p.modelName)) f.set("modelName", p.modelName);
    if (!v.baseModelRef.trim() && p.baseModelRef) f.set("baseModelRef", p.baseModelRef);
    if (p.summary) {
      if (!v.summary.trim()) f.set("summary", p.summary);
      else if (p.summary.trim() !== v.summary.trim()) setCardSummary(p.summary);
    }
  }

  const submit = f.handle(
    async (v): Promise<Result<{ id: string }>> => {
      const submitted = toActionInput(v);
      return releaseId
        ? editReleaseAction({ releaseId, ...submitted, ...(partsEditable ? {} : { artifacts: undefined, components: undefined }) })
        : proposeReleaseAction({ spaceSlug, ...submitted });
    },
    (data) => {
      router.push(`/s/${spaceSlug}/releases/${data.id}`);
      router.refresh();
    },
  );

  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-6">
      {!releaseId ? <ModelCardImport onPrefill={applyPrefill} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Model name" id="modelName" {...f.form.register("modelName")} errors={f.errorsAt("modelName")} required />
        <Field label="Version" id="version" {...f.form.register("version")} errors={f.errorsAt("version")} placeholder="1.0" required />
        <SelectField label="Previous release" id="previousReleaseId" {...f.form.register("previousReleaseId")} errors={f.errorsAt("previousReleaseId")}>
          <option value="">{releaseId ? "None" : "Latest release of this model (automatic)"}</option>
          {lineage.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </SelectField>
        <Field
          label="Base model"
          id="baseModelRef"
          {...f.form.register("baseModelRef")}
          errors={f.errorsAt("baseModelRef")}
          hint="A registry reference, e.g. hf://org/name@<commit> or org/name"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <TextAreaField label="Summary (markdown)" id="summary" className="[&_textarea]:h-40" {...f.form.register("summary")} errors={f.errorsAt("summary")} />
          {cardSummary !== null ? (
            <div role="group" aria-labelledby="card-summary-question" className="mt-2 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
              <p id="card-summary-question">Replace the summary you typed with the model card&apos;s?</p>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  onClick={() => {
                    f.set("summary", cardSummary);
                    setCardSummary(null);
                  }}
                >
                  Replace with the card&apos;s
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    f.set("summary", `${f.form.getValues("summary").trimEnd()}\n\n${cardSummary}`);
                    setCardSummary(null);
                  }}
                >
                  Keep both
                </Button>
                <Button variant="ghost" onClick={() => setCardSummary(null)}>
                  Keep mine
                </Button>
              </div>
            </div>
          ) : null}
        </div>
        <TextAreaField label="Changelog (markdown)" id="changelog" className="[&_textarea]:h-40" {...f.form.register("changelog")} errors={f.errorsAt("changelog")} />
      </div>
      {!partsEditable ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          A vote has opened on this release, so its artifacts and components are frozen. Registry links and text can still change until publication.
        </p>
      ) : null}
      <ArtifactFields rows={values.artifacts} onChange={(artifacts) => f.set("artifacts", artifacts)} onEdit={(i, field, value) => f.set(`artifacts.${i}.${field}`, value)} disabled={!partsEditable} errorsAt={f.errorsAt} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <ComponentFields values={values.components} onChange={setComponent} disabled={!partsEditable} errorsAt={f.errorsAt} autoIncluded={autoIncluded} />
        <div aria-live="polite" className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <OpennessPanel result={openness} inputs={inputs} showComponents={false} />
        </div>
      </div>
      <TextAreaField
        label="Registry links (one per line)"
        id="links"
        className="[&_textarea]:h-24 [&_textarea]:font-mono"
        {...f.form.register("links")}
        placeholder={"hf://org/model@<40-hex commit>\nghcr.io/org/model@sha256:<64 hex>"}
        spellCheck={false}
        errors={f.errorsAt("links")}
      />
      <ErrorSummary form={f} />
      <Button type="submit" disabled={f.pending}>
        {releaseId ? "Save changes" : "Propose release"}
      </Button>
    </ActionFormElement>
  );
}
