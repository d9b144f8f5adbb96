"use client";
// Moves one finding to a next status the lifecycle and the viewer's role allow, with a note and optional evidence.
import { useState } from "react";
import { moveFindingAction } from "@/lib/audits/actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { StatusLine, useActionStatus } from "@/components/ui/use-action-status";
import { findingStatusLabel } from "@/components/audits/badges";

export function FindingTransitionForm({ findingId, number, targets }: { findingId: string; number: number; targets: string[] }) {
  const { pending, status, run } = useActionStatus();
  const [to, setTo] = useState(targets[0] ?? "");
  const [note, setNote] = useState("");
  const [url, setUrl] = useState("");
  const [sha256, setSha256] = useState("");
  const id = `finding-${number}-move`;
  function submit() {
    const evidence = url.trim() ? { url: url.trim(), ...(sha256.trim() ? { sha256: sha256.trim() } : {}) } : undefined;
    run(
      () => moveFindingAction({ findingId, status: to, note, ...(evidence ? { evidence } : {}) }),
      (data) => {
        setNote("");
        setUrl("");
        setSha256("");
        return `Finding ${number} is now ${findingStatusLabel(data.to)}.`;
      },
    );
  }
  return (
    <form
      action={submit}
      className="mt-3 space-y-2 rounded-md bg-zinc-50 p-3 dark:bg-zinc-950"
      aria-label={`Update finding ${number}`}
    >
      <div className="grid gap-2 sm:grid-cols-[12rem_1fr]">
        <div>
          <label htmlFor={`${id}-to`} className="mb-1 block text-xs font-medium">Move finding {number} to</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} className={inputClass}>
            {targets.map((t) => (
              <option key={t} value={t}>{findingStatusLabel(t)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-note`} className="mb-1 block text-xs font-medium">Note for finding {number}</label>
          <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} placeholder="What was done, or why" />
        </div>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-url`} className="mb-1 block text-xs font-medium">Evidence URL for finding {number}</label>
          <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} className={inputClass} placeholder="https://…" />
        </div>
        <div>
          <label htmlFor={`${id}-sha`} className="mb-1 block text-xs font-medium">Evidence SHA-256 (optional)</label>
          <input id={`${id}-sha`} value={sha256} onChange={(e) => setSha256(e.target.value)} className={`${inputClass} font-mono`} />
        </div>
      </div>
      <Button type="submit" variant="secondary" disabled={pending || !to}>Update finding {number}</Button>
      <StatusLine status={status} />
    </form>
  );
}
