"use client";
// Rows of artifacts pinned by sha256 digest: add, edit, remove.
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { artifactKinds } from "@/lib/releases/rules";
import { emptyArtifact, type ArtifactRow } from "@/components/releases/form-state";

type Props = { rows: ArtifactRow[]; onChange: (rows: ArtifactRow[]) => void; disabled?: boolean; errors: Record<string, string[]> };

export function ArtifactFields({ rows, onChange, disabled, errors }: Props) {
  const set = (i: number, patch: Partial<ArtifactRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-3" disabled={disabled}>
      <legend className="text-sm font-semibold">Artifacts (pinned by sha256 digest)</legend>
      {rows.map((row, i) => {
        const n = i + 1;
        const err = (f: string) => errors[`artifacts.${i}.${f}`];
        return (
          <div key={i} className="grid gap-2 rounded-md border border-zinc-200 p-3 sm:grid-cols-6 dark:border-zinc-800">
            <label className="text-xs sm:col-span-2">
              <span className="mb-1 block font-medium">Artifact {n} name</span>
              <input className={inputClass} value={row.name} onChange={(e) => set(i, { name: e.target.value })} placeholder="model.safetensors" />
              {err("name") ? <span role="alert" className="text-red-700 dark:text-red-300">{err("name")?.join(" ")}</span> : null}
            </label>
            <label className="text-xs">
              <span className="mb-1 block font-medium">Artifact {n} kind</span>
              <select className={inputClass} value={row.kind} onChange={(e) => set(i, { kind: e.target.value })}>
                {artifactKinds.map((k) => (
                  <option key={k} value={k}>{k}</option>
                ))}
              </select>
            </label>
            <label className="text-xs sm:col-span-3">
              <span className="mb-1 block font-medium">Artifact {n} digest</span>
              <input className={`${inputClass} font-mono`} value={row.digest} onChange={(e) => set(i, { digest: e.target.value })} placeholder="sha256:…" spellCheck={false} />
              {err("digest") ? <span role="alert" className="text-red-700 dark:text-red-300">{err("digest")?.join(" ")}</span> : null}
            </label>
            <label className="text-xs sm:col-span-2">
              <span className="mb-1 block font-medium">Artifact {n} size (bytes)</span>
              <input className={inputClass} inputMode="numeric" value={row.sizeBytes} onChange={(e) => set(i, { sizeBytes: e.target.value })} />
            </label>
            <label className="text-xs sm:col-span-3">
              <span className="mb-1 block font-medium">Artifact {n} location (optional)</span>
              <input className={inputClass} value={row.uri} onChange={(e) => set(i, { uri: e.target.value })} placeholder="hf://org/model@<commit>" />
              {err("uri") ? <span role="alert" className="text-red-700 dark:text-red-300">{err("uri")?.join(" ")}</span> : null}
            </label>
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
