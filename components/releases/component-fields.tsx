"use client";
// The 17 MOF components: included or not, and under which license (SPDX expression, or a custom LicenseRef).
import { inputClass } from "@/components/ui/field";
import { mofClassLabels, mofComponents, type MofComponentId } from "@/lib/releases/openness";
import type { FormComponent } from "@/lib/releases/prefill";

type Props = {
  values: Record<MofComponentId, FormComponent>;
  onChange: (id: MofComponentId, patch: Partial<FormComponent>) => void;
  disabled?: boolean;
  errorsAt: (name: string) => string[];
  /** Components ticked because a license was typed for them: said next to them. */
  autoIncluded: readonly MofComponentId[];
};

export function ComponentFields({ values, onChange, disabled, errorsAt, autoIncluded }: Props) {
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-semibold">Components and licenses</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Typing a license includes its component; untick Include to leave it out.</p>
      {([3, 2, 1] as const).map((cls) => (
        <div key={cls} className="space-y-1">
          <p className="text-xs font-medium uppercase text-zinc-500 dark:text-zinc-400">{mofClassLabels[cls]}</p>
          {mofComponents
            .filter((c) => c.class === cls)
            .map((spec) => {
              const v = values[spec.id];
              const id = `component-${spec.id}`;
              const license = errorsAt(`components.${spec.id}.license`);
              const name = errorsAt(`components.${spec.id}.licenseName`);
              const url = errorsAt(`components.${spec.id}.licenseUrl`);
              const wire = (field: string, messages: string[]) => ({
                id: `${id}-${field}`,
                "aria-invalid": messages.length ? (true as const) : undefined,
                "aria-describedby": messages.length ? `${id}-${field}-error` : undefined,
              });
              const message = (field: string, messages: string[]) =>
                messages.length ? (
                  <p id={`${id}-${field}-error`} className="text-xs text-red-700 dark:text-red-300">
                    {messages.join(" ")}
                  </p>
                ) : null;
              const custom = v.license.includes("LicenseRef-");
              return (
                <div key={spec.id} className="grid items-center gap-2 sm:grid-cols-[14rem_1fr]">
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={v.included} onChange={(e) => onChange(spec.id, { included: e.target.checked })} aria-label={`Include ${spec.label}`} />
                    {spec.label} <span className="text-xs text-zinc-500">({spec.category})</span>
                  </label>
                  <div className="space-y-1">
                    <input
                      {...wire("license", license)}
                      className={`${inputClass} font-mono`}
                      aria-label={`License of ${spec.label}`}
                      value={v.license}
                      placeholder={v.included ? "SPDX expression, e.g. Apache-2.0" : ""}
                      onChange={(e) => onChange(spec.id, { license: e.target.value })}
                      spellCheck={false}
                    />
                    {custom ? (
                      <div className="grid gap-1 sm:grid-cols-2">
                        <input {...wire("licenseName", name)} className={inputClass} aria-label={`License name of ${spec.label}`} placeholder="License name" value={v.licenseName} onChange={(e) => onChange(spec.id, { licenseName: e.target.value })} />
                        <input {...wire("licenseUrl", url)} className={inputClass} aria-label={`License link of ${spec.label}`} placeholder="https://… (license text)" value={v.licenseUrl} onChange={(e) => onChange(spec.id, { licenseUrl: e.target.value })} />
                      </div>
                    ) : null}
                    {message("license", license)}
                    {message("licenseName", name)}
                    {message("licenseUrl", url)}
                    {autoIncluded.includes(spec.id) ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Included, since you typed a license.</p> : null}
                  </div>
                </div>
              );
            })}
        </div>
      ))}
    </fieldset>
  );
}
