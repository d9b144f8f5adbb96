"use client";
// Files an audit report: category, verdict, scope (the release's current artifacts), summary, evidence, findings
// (entered here or imported from the findings JSON format).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { z } from "zod";
import { fileAuditReportAction } from "@/lib/audits/actions";
import { findingEntry, findingsDocument, type FindingEntry } from "@/lib/audits/schema";
import { auditCategories, auditCategoryLabels, severities } from "@/lib/charter/schema";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { shortDigest } from "@/components/audits/badges";

type Artifact = { name: string; kind: string; digest: string };
type Draft = { title: string; severity: string; description: string; affectedDigests: string[] };

const label = "mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200";
const emptyFinding = (): Draft => ({ title: "", severity: "medium", description: "", affectedDigests: [] });

/** "https://… [sha256]" per line -> evidence links. */
function evidenceLines(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url, sha256] = line.split(/\s+/);
      return sha256 ? { url, sha256 } : { url };
    });
}

function parseImport(text: string): { ok: true; findings: FindingEntry[] } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "That is not valid JSON." };
  }
  const parsed = Array.isArray(json) ? z.array(findingEntry).safeParse(json) : findingsDocument.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join(".") || "document"}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, findings: Array.isArray(parsed.data) ? parsed.data : parsed.data.findings };
}

export function FileReportForm({ spaceSlug, releaseId, artifacts }: { spaceSlug: string; releaseId: string; artifacts: Artifact[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [scope, setScope] = useState<string[]>(artifacts.map((a) => a.digest));
  const [findings, setFindings] = useState<Draft[]>([]);
  const [importText, setImportText] = useState("");
  const [importStatus, setImportStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);

  const toggle = (list: string[], digest: string, on: boolean) => (on ? [...new Set([...list, digest])] : list.filter((d) => d !== digest));
  const update = (index: number, patch: Partial<Draft>) => setFindings((all) => all.map((f, i) => (i === index ? { ...f, ...patch } : f)));

  function importFindings() {
    const result = parseImport(importText);
    if (!result.ok) return setImportStatus({ ok: false, message: result.message });
    setFindings((all) => [
      ...all,
      ...result.findings.map((f) => ({ title: f.title, severity: f.severity, description: f.description, affectedDigests: f.affectedDigests })),
    ]);
    setImportStatus({ ok: true, message: `Imported ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}; review them below.` });
    setImportText("");
  }

  function submit(form: FormData) {
    startTransition(async () => {
      const result = await fileAuditReportAction({
        spaceSlug,
        releaseId,
        category: form.get("category"),
        verdict: form.get("verdict"),
        methodology: form.get("methodology"),
        summary: form.get("summary"),
        scopeDigests: scope,
        evidence: evidenceLines(String(form.get("evidence") ?? "")),
        findings,
      });
      if (result.ok) router.push(`/s/${spaceSlug}/audits/${result.data.reportId}`);
      else setError({ message: result.error.message, fields: result.error.fields });
    });
  }

  return (
    <form action={submit} className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="category" className={label}>Category</label>
          <select id="category" name="category" defaultValue="safety" className={inputClass}>
            {auditCategories.map((c) => (
              <option key={c} value={c}>{auditCategoryLabels[c]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="verdict" className={label}>Verdict</label>
          <select id="verdict" name="verdict" defaultValue="concerns" className={inputClass}>
            <option value="pass">pass</option>
            <option value="concerns">concerns</option>
            <option value="fail">fail</option>
          </select>
        </div>
      </div>
      <fieldset>
        <legend className={label}>Scope: the artifacts you examined</legend>
        <div className="space-y-1">
          {artifacts.map((a) => (
            <label key={a.digest} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={scope.includes(a.digest)} onChange={(e) => setScope((s) => toggle(s, a.digest, e.target.checked))} />
              <span>{a.name}</span> <code className="text-xs text-muted">{shortDigest(a.digest)}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="methodology" className={label}>Methodology</label>
        <textarea id="methodology" name="methodology" rows={3} className={inputClass} placeholder="Benchmarks, red-teaming protocol, tools and versions" />
      </div>
      <div>
        <label htmlFor="summary" className={label}>Summary (markdown)</label>
        <textarea id="summary" name="summary" rows={6} required className={inputClass} />
      </div>
      <div>
        <label htmlFor="evidence" className={label}>Evidence links</label>
        <textarea id="evidence" name="evidence" rows={2} className={`${inputClass} font-mono`} placeholder="https://example.org/run/42 optional-sha256" />
        <p className="mt-1 text-xs text-muted">One URL per line, optionally followed by a space and the file&apos;s SHA-256.</p>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Findings ({findings.length})</legend>
        {findings.map((f, i) => (
          <fieldset key={i} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" aria-label={`Finding ${i + 1}`}>
            <legend className="px-1 text-sm font-medium">Finding {i + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
              <div>
                <label htmlFor={`finding-${i}-title`} className={label}>Finding {i + 1} title</label>
                <input id={`finding-${i}-title`} value={f.title} onChange={(e) => update(i, { title: e.target.value })} className={inputClass} />
              </div>
              <div>
                <label htmlFor={`finding-${i}-severity`} className={label}>Finding {i + 1} severity</label>
                <select id={`finding-${i}-severity`} value={f.severity} onChange={(e) => update(i, { severity: e.target.value })} className={inputClass}>
                  {severities.map((s) => (
                    <option key={s} value={s}>{s}</option>
                  ))}
                </select>
              </div>
            </div>
            <div>
              <label htmlFor={`finding-${i}-description`} className={label}>Finding {i + 1} description</label>
              <textarea id={`finding-${i}-description`} rows={3} value={f.description} onChange={(e) => update(i, { description: e.target.value })} className={inputClass} />
            </div>
            <div className="flex flex-wrap gap-3 text-sm">
              <span className="text-zinc-600 dark:text-zinc-400">Affects:</span>
              {artifacts.map((a) => (
                <label key={a.digest} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={f.affectedDigests.includes(a.digest)}
                    onChange={(e) => update(i, { affectedDigests: toggle(f.affectedDigests, a.digest, e.target.checked) })}
                  />
                  {a.name}
                </label>
              ))}
            </div>
            <Button variant="ghost" onClick={() => setFindings((all) => all.filter((_, j) => j !== i))}>Remove finding {i + 1}</Button>
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => setFindings((all) => [...all, { ...emptyFinding(), affectedDigests: [...scope] }])}>
          Add a finding
        </Button>
      </fieldset>

      <details className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
        <summary className="cursor-pointer text-sm font-medium">Import findings from JSON</summary>
        <div className="mt-2 space-y-2">
          <label htmlFor="findings-json" className={label}>Findings JSON (the commonweights.findings/v1 format)</label>
          <textarea id="findings-json" rows={6} value={importText} onChange={(e) => setImportText(e.target.value)} className={`${inputClass} font-mono text-xs`} />
          <Button variant="secondary" onClick={importFindings} disabled={!importText.trim()}>Import findings</Button>
          {importStatus ? (
            <p role={importStatus.ok ? "status" : "alert"} className={importStatus.ok ? "text-sm text-brand-700 dark:text-brand-500" : "text-sm text-red-700 dark:text-red-300"}>
              {importStatus.message}
            </p>
          ) : null}
        </div>
      </details>

      {error ? (
        <div role="alert" className="text-sm text-red-700 dark:text-red-300">
          <p>{error.message}</p>
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>File the report</Button>
    </form>
  );
}
