"use client";
// Paste a Hugging Face model card to prefill the release form (license, base model, datasets, tags, languages).
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { prefillFromCardAction } from "@/lib/releases/actions";
import type { ReleasePrefill } from "@/lib/releases/prefill";

export function ModelCardImport({ onPrefill }: { onPrefill: (prefill: ReleasePrefill) => void }) {
  const [text, setText] = useState("");
  const [read, setRead] = useState<ReleasePrefill | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function prefill() {
    startTransition(async () => {
      const result = await prefillFromCardAction({ markdown: text });
      if (result.ok) {
        setRead(result.data);
        setError(null);
        onPrefill(result.data);
      } else {
        setRead(null);
        setError(result.error.message);
      }
    });
  }
  return (
    <section className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" aria-labelledby="card-import-title">
      <h2 id="card-import-title" className="text-sm font-semibold">Start from a model card (optional)</h2>
      <label className="block text-sm">
        <span className="mb-1 block">Model card (README.md with YAML front matter)</span>
        <textarea className={`${inputClass} h-32 font-mono text-xs`} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <Button variant="secondary" onClick={prefill} disabled={pending || text.trim() === ""}>
        Prefill from model card
      </Button>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
      {read ? (
        <div role="status" className="text-sm">
          <p className="font-medium">Read from the card:</p>
          <ul className="list-disc pl-5">
            {read.facts.map((f) => (
              <li key={f}>{f}</li>
            ))}
            {read.baseModelRef ? <li>Base model: {read.baseModelRef}</li> : null}
          </ul>
          {read.warnings.length ? (
            <ul aria-label="Model card warnings" className="mt-1 list-disc pl-5 text-amber-800 dark:text-amber-200">
              {read.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
