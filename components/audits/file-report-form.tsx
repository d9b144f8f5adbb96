"use client";
// Files an audit report: category, verdict, scope (the release's current artifacts), summary, evidence, findings
// (entered here or imported from the findings JSON format).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { z } from "zod";
import { fileAuditReportAction } from "@/lib/audits/actions";
import { fileReportInput, findingEntry, findingsDocument, type FindingEntry } from "@/lib/audits/schema";
import { auditCategories, auditCategoryLabels, severities } from "@/lib/charter/schema";
import { Button } from "@/components/ui/button";
import { Field, inputClass, SelectField, TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, FieldMessage, schemaProblems, useActionForm } from "@/components/ui/form";
import { shortDigest } from "@/components/audits/badges";

type Artifact = { name: string; kind: string; digest: string };
type Draft = { title: string; severity: string; description: string; affectedDigests: string[] };
type Values = { category: string; verdict: string; methodology: string; summary: string; evidence: string; scope: string[]; findings: Draft[] };

/** An action's error path -> the field that shows it. */
function fieldOf(path: string): string {
  if (path.startsWith("scopeDigests")) return "scope";
  if (path.startsWith("evidence")) return "evidence";
  const finding = /^findings\.(\d+)\.(title|severity|description|affectedDigests)/.exec(path);
  if (finding) return `findings.${finding[1]}.${finding[2]}`;
  return path.split(".")[0] ?? path;
}

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
    const finding = issue?.path[0] === "findings" || typeof issue?.path[0] === "number" ? issue.path[issue.path[0] === "findings" ? 1 : 0] : undefined;
    const where = typeof finding === "number" ? `Finding ${finding + 1} in the JSON: ` : "The JSON: ";
    return { ok: false, message: `${where}${issue?.message ?? "it does not match the findings format."}` };
  }
  return { ok: true, findings: Array.isArray(parsed.data) ? parsed.data : parsed.data.findings };
}

export function FileReportForm({ spaceSlug, releaseId, artifacts }: { spaceSlug: string; releaseId: string; artifacts: Artifact[] }) {
  const router = useRouter();
  const toInput = (v: Values) => ({
    spaceSlug,
    releaseId,
    category: v.category,
    verdict: v.verdict,
    methodology: v.methodology,
    summary: v.summary,
    scopeDigests: v.scope,
    evidence: evidenceLines(v.evidence),
    findings: v.findings,
  });
  const f = useActionForm<Values>({
    defaultValues: { category: "safety", verdict: "concerns", methodology: "", summary: "", evidence: "", scope: artifacts.map((a) => a.digest), findings: [] },
    check: (v) => schemaProblems(fileReportInput, toInput(v), v, fieldOf),
    fieldOf,
  });
  const { register } = f.form;
  const scope = useWatch({ control: f.form.control, name: "scope" });
  const findings = useWatch({ control: f.form.control, name: "findings" });
  const [importText, setImportText] = useState("");
  const [importStatus, setImportStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const toggle = (list: string[], digest: string, on: boolean) => (on ? [...new Set([...list, digest])] : list.filter((d) => d !== digest));
  const update = <K extends keyof Draft>(index: number, key: K, value: Draft[K]) => f.set(`findings.${index}.${key}`, value as never);

  function importFindings() {
    const result = parseImport(importText);
    if (!result.ok) return setImportStatus({ ok: false, message: result.message });
    f.set("findings", [
      ...f.form.getValues("findings"),
      ...result.findings.map((x) => ({ title: x.title, severity: x.severity, description: x.description, affectedDigests: x.affectedDigests })),
    ]);
    setImportStatus({ ok: true, message: `Imported ${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}; review them below.` });
    setImportText("");
  }

  const submit = f.handle(
    (v) => fileAuditReportAction(toInput(v)),
    (data) => router.push(`/s/${spaceSlug}/audits/${data.reportId}`),
  );

  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Category" id="category" {...register("category")} errors={f.errorsAt("category")}>
          {auditCategories.map((c) => (
            <option key={c} value={c}>{auditCategoryLabels[c]}</option>
          ))}
        </SelectField>
        <SelectField label="Verdict" id="verdict" {...register("verdict")} errors={f.errorsAt("verdict")}>
          <option value="pass">pass</option>
          <option value="concerns">concerns</option>
          <option value="fail">fail</option>
        </SelectField>
      </div>
      <fieldset aria-describedby={f.errorsAt("scope").length ? "scope-error" : undefined}>
        <legend className={label}>Scope: the artifacts you examined</legend>
        <div className="space-y-1">
          {artifacts.map((a, i) => (
            <label key={a.digest} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                id={i === 0 ? "scope" : undefined}
                aria-invalid={f.errorsAt("scope").length ? true : undefined}
                aria-describedby={f.errorsAt("scope").length ? "scope-error" : undefined}
                checked={scope.includes(a.digest)}
                onChange={(e) => f.set("scope", toggle(scope, a.digest, e.target.checked))}
              />
              <span>{a.name}</span> <code className="text-xs text-muted">{shortDigest(a.digest)}</code>
            </label>
          ))}
        </div>
        <FieldMessage id="scope" messages={f.errorsAt("scope")} />
      </fieldset>
      <TextAreaField label="Methodology" id="methodology" {...register("methodology")} rows={3} placeholder="Benchmarks, red-teaming protocol, tools and versions" errors={f.errorsAt("methodology")} />
      <TextAreaField label="Summary (markdown)" id="summary" {...register("summary")} rows={6} required errors={f.errorsAt("summary")} />
      <TextAreaField
        label="Evidence links"
        id="evidence"
        {...register("evidence")}
        rows={2}
        className="[&_textarea]:font-mono"
        placeholder="https://example.org/run/42 optional-sha256"
        hint="One URL per line, optionally followed by a space and the file's SHA-256."
        errors={f.errorsAt("evidence")}
      />

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Findings ({findings.length})</legend>
        {findings.map((x, i) => (
          <fieldset key={i} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" aria-label={`Finding ${i + 1}`}>
            <legend className="px-1 text-sm font-medium">Finding {i + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
              <Field label={`Finding ${i + 1} title`} id={`finding-${i}-title`} value={x.title} onChange={(e) => update(i, "title", e.target.value)} errors={f.errorsAt(`findings.${i}.title`)} />
              <SelectField label={`Finding ${i + 1} severity`} id={`finding-${i}-severity`} value={x.severity} onChange={(e) => update(i, "severity", e.target.value)} errors={f.errorsAt(`findings.${i}.severity`)}>
                {severities.map((s) => (
                  <option key={s} value={s}>{s}</option>
                ))}
              </SelectField>
            </div>
            <TextAreaField label={`Finding ${i + 1} description`} id={`finding-${i}-description`} rows={3} value={x.description} onChange={(e) => update(i, "description", e.target.value)} errors={f.errorsAt(`findings.${i}.description`)} />
            <div className="flex flex-wrap gap-3 text-sm" role="group" aria-label={`Finding ${i + 1} affects`}>
              <span className="text-zinc-600 dark:text-zinc-400">Affects:</span>
              {artifacts.map((a, j) => {
                const problems = f.errorsAt(`findings.${i}.affectedDigests`);
                return (
                  <label key={a.digest} className="flex items-center gap-1">
                    <input
                      type="checkbox"
                      id={j === 0 ? `finding-${i}-affects` : undefined}
                      aria-invalid={problems.length ? true : undefined}
                      aria-describedby={problems.length ? `finding-${i}-affects-error` : undefined}
                      checked={x.affectedDigests.includes(a.digest)}
                      onChange={(e) => update(i, "affectedDigests", toggle(x.affectedDigests, a.digest, e.target.checked))}
                    />
                    {a.name}
                  </label>
                );
              })}
            </div>
            <FieldMessage id={`finding-${i}-affects`} messages={f.errorsAt(`findings.${i}.affectedDigests`)} />
            <Button variant="ghost" onClick={() => f.set("findings", findings.filter((_, j) => j !== i))}>Remove finding {i + 1}</Button>
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => f.set("findings", [...findings, { ...emptyFinding(), affectedDigests: [...scope] }])}>
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

      <ErrorSummary form={f} />
      <Button type="submit" disabled={f.pending}>File the report</Button>
    </ActionFormElement>
  );
}
