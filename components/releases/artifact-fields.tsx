"use client";
// Rows of artifacts pinned by sha256 digest: add, edit, remove. Sizes read "6.2 GB" as well as bytes.
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { artifactKinds } from "@/lib/releases/rules";
import { sizeHint } from "@/lib/releases/size";
import { emptyArtifact, type ArtifactRow } from "@/components/releases/form-state";

type Props = {
  rows: ArtifactRow[];
  /** Rows added or removed. */
  onChange: (rows: ArtifactRow[]) => void;
  /** One field of one row edited (so only that field's error goes). */
  onEdit: (index: number, field: keyof ArtifactRow, value: string) => void;
  disabled?: boolean;
  errorsAt: (name: string) => string[];
};

export function ArtifactFields({ rows, onChange, onEdit, disabled, errorsAt }: Props) {
  const set = (i: number, patch: Partial<ArtifactRow>) => {
    for (const [field, value] of Object.entries(patch)) onEdit(i, field as keyof ArtifactRow, value);
  };
  return (
    <fieldset className="space-y-3" disabled={disabled}>
      <legend className="text-sm font-semibold">Artifacts (pinned by sha256 digest)</legend>
      {rows.map((row, i) => {
        const n = i + 1;
        const err = (f: string) => errorsAt(`artifacts.${i}.${f}`);
        const id = (f: string) => `artifact-${i}-${f}`;
        return (
          <div key={i} className="grid gap-2 rounded-md border border-zinc-200 p-3 sm:grid-cols-6 dark:border-zinc-800">
            <Field className="sm:col-span-2" label={`Artifact ${n} name`} id={id("name")} value={row.name} onChange={(e) => set(i, { name: e.target.value })} placeholder="model.safetensors" errors={err("name")} />
            <SelectField label={`Artifact ${n} kind`} id={id("kind")} value={row.kind} onChange={(e) => set(i, { kind: e.target.value })} errors={err("kind")}>
              {artifactKinds.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </SelectField>
            <Field
              className="sm:col-span-3 [&_input]:font-mono"
              label={`Artifact ${n} digest`}
              id={id("digest")}
              value={row.digest}
              onChange={(e) => set(i, { digest: e.target.value })}
              placeholder="sha256:…"
              spellCheck={false}
              errors={err("digest")}
            />
            <Field className="sm:col-span-2" label={`Artifact ${n} size`} id={id("sizeBytes")} value={row.sizeBytes} onChange={(e) => set(i, { sizeBytes: e.target.value })} placeholder="6.2 GB" hint={sizeHint} errors={err("sizeBytes")} />
            <Field
              className="sm:col-span-3"
              label={`Artifact ${n} location (optional)`}
              id={id("uri")}
              value={row.uri}
              onChange={(e) => set(i, { uri: e.target.value })}
              placeholder="hf://org/model@<commit>"
              errors={err("uri")}
            />
            <div className="flex items-end">
              <Button variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove artifact ${n}`}>
                Remove
              </Button>
            </div>
          </div>
        );
      })}
      <Button variant="secondary" onClick={() => onChange([...rows, emptyArtifact()])}>
        Add artifact
      </Button>
    </fieldset>
  );
}
