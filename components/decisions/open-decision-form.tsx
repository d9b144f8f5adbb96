"use client";
// Opening a decision: kind, method (the charter's by default), options, window, and the kind's subject.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { openDecisionAction } from "@/lib/decisions/actions";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm, type FieldErrors } from "@/components/ui/form";
import { closingPreview, readLocal, withOffset } from "@/components/decisions/closing-time";
import { mofComponents } from "@/lib/releases/openness";

type Props = {
  spaceSlug: string;
  releases: Array<{ id: string; label: string; status: string }>;
  defaults: Record<string, { method: string; minHours: number; maxHours: number }>;
  methods: Array<{ value: string; label: string }>;
  initialReleaseId?: string;
  /** The proposal this decision comes from: linked to it when it opens. */
  proposal?: { id: string; title: string };
};

const kinds = [
  { value: "release", label: "Release approval" },
  { value: "licensing", label: "Licensing" },
  { value: "deployment", label: "Deployment" },
  { value: "policy", label: "Policy" },
  { value: "membership", label: "Membership" },
  { value: "charter", label: "Charter amendment" },
];

type Values = {
  title: string;
  question: string;
  kind: string;
  method: string;
  options: string;
  closesAt: string;
  releaseId: string;
  component: string;
  license: string;
  target: string;
  conditions: string;
  charter: string;
};

/** An action's error path -> the field that shows it ("options.1.label" -> "options", "hours" -> "closesAt"). */
function fieldOf(path: string): string {
  const head = path.split(".")[0] ?? path;
  if (head === "hours") return "closesAt";
  if (head === "_") return "_";
  return head;
}

export function OpenDecisionForm({ spaceSlug, releases, defaults, methods, initialReleaseId, proposal }: Props) {
  const router = useRouter();
  // "Now" for the preview, read once on the client; the preview is recomputed as the person types.
  const [now] = useState(() => new Date());
  const lines = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);
  const needsReleaseFor = (kind: string) => kind === "release" || kind === "licensing" || kind === "deployment";

  function check(v: Values): FieldErrors {
    const problems: FieldErrors = {};
    if (v.title.trim().length < 3) problems.title = ["Give the decision a title of at least 3 characters."];
    const rule = defaults[v.kind];
    if (rule) {
      const preview = closingPreview({ value: v.closesAt, minHours: rule.minHours, maxHours: rule.maxHours, now: new Date() });
      if (preview.problem) problems.closesAt = [preview.problem];
    }
    if (v.kind === "charter") {
      try {
        JSON.parse(v.charter);
      } catch {
        problems.charter = ["The proposed charter must be JSON: copy it from the charter page's export and edit it."];
      }
    }
    if (v.kind === "deployment" && v.target.trim().length < 3) problems.target = ["Say where the model is deployed, in at least 3 characters."];
    return problems;
  }

  const f = useActionForm<Values>({
    defaultValues: {
      // From a proposal: its title, and a link back rather than a copy of its text (which stays erasable in its thread).
      title: proposal?.title ?? "",
      question: proposal ? `Discussed in the proposal [${proposal.title}](/s/${spaceSlug}/proposals/${proposal.id}).` : "",
      kind: initialReleaseId ? "release" : "policy",
      method: "",
      options: "",
      closesAt: "",
      releaseId: initialReleaseId ?? releases[0]?.id ?? "",
      component: "",
      license: "",
      target: "",
      conditions: "",
      charter: "",
    },
    check,
    fieldOf,
  });
  const { register } = f.form;
  const kind = useWatch({ control: f.form.control, name: "kind" });
  const closesAt = useWatch({ control: f.form.control, name: "closesAt" });
  const rule = defaults[kind];
  const needsRelease = needsReleaseFor(kind);
  const preview = rule ? closingPreview({ value: closesAt, minHours: rule.minHours, maxHours: rule.maxHours, now }) : null;

  const submit = f.handle(
    (v) => {
      const optionLines = lines(v.options);
      const at = readLocal(v.closesAt);
      return openDecisionAction({
        spaceSlug,
        ...(proposal ? { proposalId: proposal.id } : {}),
        title: v.title,
        question: v.question,
        kind: v.kind,
        ...(v.method ? { method: v.method } : {}),
        ...(optionLines.length ? { options: optionLines.map((label) => ({ label })) } : {}),
        ...(at ? { closesAt: withOffset(at) } : {}),
        ...(needsReleaseFor(v.kind) && v.releaseId ? { releaseId: v.releaseId } : {}),
        ...(v.kind === "licensing" ? { component: v.component || null, ...(v.license ? { license: v.license } : {}) } : {}),
        ...(v.kind === "deployment" ? { target: v.target, conditions: v.conditions } : {}),
        ...(v.kind === "charter" ? { charter: JSON.parse(v.charter) as unknown } : {}),
      });
    },
    (data) => router.push(`/s/${spaceSlug}/decisions/${data.id}`),
  );

  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-4">
      <Field label="Title" id="title" {...register("title")} required maxLength={200} errors={f.errorsAt("title")} />
      <TextAreaField label="Question and context (markdown)" id="question" {...register("question")} rows={5} errors={f.errorsAt("question")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Kind" id="kind" {...register("kind")} errors={f.errorsAt("kind")}>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Voting method" id="method" {...register("method")} errors={f.errorsAt("method")}>
          <option value="">The charter&apos;s ({rule?.method})</option>
          {methods.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <Field
          label="Voting closes"
          id="closesAt"
          type="datetime-local"
          {...register("closesAt")}
          hint={preview ? <span data-testid="closing-preview">{preview.text}</span> : undefined}
          errors={f.errorsAt("closesAt")}
        />
        {preview?.problem && f.errorsAt("closesAt").length === 0 ? (
          <p className="mt-1 text-xs text-amber-800 dark:text-amber-200" aria-live="polite">
            {preview.problem}
          </p>
        ) : null}
      </div>
      <TextAreaField
        label="Options, one per line"
        id="options"
        {...register("options")}
        rows={3}
        hint={kind === "licensing" ? "For plurality, approval, IRV or Schulze: SPDX license expressions, e.g. CC-BY-4.0" : "For plurality, approval, IRV or Schulze"}
        errors={f.errorsAt("options")}
      />
      {needsRelease ? (
        <SelectField label="Release" id="releaseId" {...register("releaseId")} errors={f.errorsAt("releaseId")}>
          {kind === "deployment" ? <option value="">(none)</option> : null}
          {releases.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label} ({r.status.replace("_", " ")})
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === "licensing" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Component" id="component" {...register("component")} errors={f.errorsAt("component")}>
            <option value="">Every included component</option>
            {mofComponents.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <Field label="Proposed license (yes/no and Apache methods)" id="license" {...register("license")} errors={f.errorsAt("license")} />
        </div>
      ) : null}
      {kind === "deployment" ? (
        <>
          <Field label="Target" id="target" {...register("target")} placeholder="public inference endpoint" errors={f.errorsAt("target")} />
          <TextAreaField label="Conditions (markdown)" id="conditions" {...register("conditions")} rows={3} errors={f.errorsAt("conditions")} />
        </>
      ) : null}
      {kind === "charter" ? <TextAreaField label="Proposed charter (JSON)" id="charter" {...register("charter")} rows={10} errors={f.errorsAt("charter")} /> : null}
      <ErrorSummary form={f} />
      <Button type="submit" disabled={f.pending}>
        Open decision
      </Button>
    </ActionFormElement>
  );
}
