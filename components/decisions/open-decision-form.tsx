"use client";
// Opening a decision: kind, method (the charter's by default), options, window, and the kind's subject.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { openDecisionAction } from "@/lib/decisions/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { mofComponents } from "@/lib/releases/openness";

type Props = {
  spaceSlug: string;
  releases: Array<{ id: string; label: string; status: string }>;
  defaults: Record<string, { method: string; minHours: number; maxHours: number }>;
  methods: Array<{ value: string; label: string }>;
  initialReleaseId?: string;
};

const kinds = [
  { value: "release", label: "Release approval" },
  { value: "licensing", label: "Licensing" },
  { value: "deployment", label: "Deployment" },
  { value: "policy", label: "Policy" },
  { value: "membership", label: "Membership" },
  { value: "charter", label: "Charter amendment" },
];

function Select({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <select id={id} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

function TextArea({ id, label, value, onChange, rows = 3, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; rows?: number; hint?: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <textarea id={id} rows={rows} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} />
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}

export function OpenDecisionForm({ spaceSlug, releases, defaults, methods, initialReleaseId }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [kind, setKind] = useState(initialReleaseId ? "release" : "policy");
  const [method, setMethod] = useState("");
  const [title, setTitle] = useState("");
  const [question, setQuestion] = useState("");
  const [options, setOptions] = useState("");
  const [hours, setHours] = useState("");
  const [releaseId, setReleaseId] = useState(initialReleaseId ?? releases[0]?.id ?? "");
  const [component, setComponent] = useState("");
  const [license, setLicense] = useState("");
  const [target, setTarget] = useState("");
  const [conditions, setConditions] = useState("");
  const [charter, setCharter] = useState("");
  const rule = defaults[kind];
  const needsRelease = kind === "release" || kind === "licensing" || kind === "deployment";
  const optionLines = options.split("\n").map((line) => line.trim()).filter(Boolean);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    let proposed: unknown;
    if (kind === "charter") {
      try {
        proposed = JSON.parse(charter);
      } catch {
        setError({ message: "The proposed charter must be JSON (copy it from the charter page's export and edit it)." });
        return;
      }
    }
    startTransition(async () => {
      const result = await openDecisionAction({
        spaceSlug,
        title,
        question,
        kind,
        ...(method ? { method } : {}),
        ...(optionLines.length ? { options: optionLines.map((label) => ({ label })) } : {}),
        ...(hours ? { hours: Number(hours) } : {}),
        ...(needsRelease && releaseId ? { releaseId } : {}),
        ...(kind === "licensing" ? { component: component || null, ...(license ? { license } : {}) } : {}),
        ...(kind === "deployment" ? { target, conditions } : {}),
        ...(kind === "charter" ? { charter: proposed } : {}),
      });
      if (result.ok) router.push(`/s/${spaceSlug}/decisions/${result.data.id}`);
      else setError({ message: result.error.message, fields: result.error.fields });
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <Field label="Title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} required minLength={3} maxLength={200} errors={error?.fields?.title} />
      <TextArea id="question" label="Question and context (markdown)" value={question} onChange={setQuestion} rows={5} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Select id="kind" label="Kind" value={kind} onChange={setKind}>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
        <Select id="method" label="Voting method" value={method} onChange={setMethod}>
          <option value="">The charter&apos;s ({rule?.method})</option>
          {methods.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </Select>
      </div>
      <Field
        label="Hours open"
        name="hours"
        type="number"
        min={0}
        step="any"
        value={hours}
        onChange={(e) => setHours(e.target.value)}
        hint={rule ? `The charter allows ${rule.minHours} to ${rule.maxHours} hours; empty means ${rule.minHours}.` : undefined}
        errors={error?.fields?.closesAt}
      />
      <TextArea
        id="options"
        label="Options, one per line"
        value={options}
        onChange={setOptions}
        hint={kind === "licensing" ? "For plurality, approval, IRV or Schulze: SPDX license expressions, e.g. CC-BY-4.0" : "For plurality, approval, IRV or Schulze"}
      />
      {needsRelease ? (
        <Select id="releaseId" label="Release" value={releaseId} onChange={setReleaseId}>
          {kind === "deployment" ? <option value="">(none)</option> : null}
          {releases.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label} ({r.status.replace("_", " ")})
            </option>
          ))}
        </Select>
      ) : null}
      {kind === "licensing" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <Select id="component" label="Component" value={component} onChange={setComponent}>
              <option value="">Every included component</option>
              {mofComponents.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
            {error?.fields?.component ? (
              <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
                {error.fields.component.join(" ")}
              </p>
            ) : null}
          </div>
          <Field label="Proposed license (yes/no and Apache methods)" name="license" value={license} onChange={(e) => setLicense(e.target.value)} errors={error?.fields?.license} />
        </div>
      ) : null}
      {kind === "deployment" ? (
        <>
          <Field label="Target" name="target" value={target} onChange={(e) => setTarget(e.target.value)} placeholder="public inference endpoint" errors={error?.fields?.target} />
          <TextArea id="conditions" label="Conditions (markdown)" value={conditions} onChange={setConditions} />
        </>
      ) : null}
      {kind === "charter" ? <TextArea id="charter" label="Proposed charter (JSON)" value={charter} onChange={setCharter} rows={10} /> : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        Open decision
      </Button>
    </form>
  );
}
