"use client";
// Structured charter editor: every rule is a form field, and the whole charter is submitted as one amendment.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { amendCharterAction } from "@/lib/spaces/actions";
import { decisionTitles } from "@/lib/charter/describe";
import { decisionKinds, type Charter, type DecisionKind, type DecisionRule } from "@/lib/charter/schema";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm } from "@/components/ui/form";
import { CheckboxField, CheckboxGroup, SelectField, errorsAt, type FieldErrors } from "@/components/charter/charter-fields";
import { categoryOptions, methodLabels, roleOptions, severityOptions } from "@/components/charter/charter-options";
import { DecisionFields } from "@/components/charter/decision-fields";

const groupClass = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";
const legendClass = "px-1 text-sm font-semibold text-zinc-900 dark:text-zinc-100";

type Values = { charter: Charter; reason: string };

/** An action's error path -> the form field: the charter's own issues arrive without the "charter." prefix. */
function fieldOf(path: string): string | null {
  if (path === "reason") return "reason";
  if (path === "spaceSlug" || path === "basedOnVersion" || path === "_") return null;
  return path.startsWith("charter.") ? path : `charter.${path}`;
}

export function CharterEditor({ spaceSlug, version, charter: initial }: { spaceSlug: string; version: number; charter: Charter }) {
  const router = useRouter();
  const f = useActionForm<Values>({
    defaultValues: { charter: initial, reason: "" },
    check: (v) => (v.reason.trim() === "" ? { reason: ["Say why the charter changes; the record keeps the reason."] } : {}),
    fieldOf,
  });
  const charter = useWatch({ control: f.form.control, name: "charter" }) as Charter;
  // The editor's children read errors by charter path ("decisions.release.minHours").
  const fields: FieldErrors = Object.fromEntries(
    Object.entries(f.errors).flatMap(([key, messages]) => (key.startsWith("charter.") ? [[key.slice("charter.".length), messages]] : [])),
  );
  const [saved, setSaved] = useState<{ version: number; changes: string[] } | null>(null);
  const [open, setOpen] = useState<DecisionKind[]>(["release"]);

  // Each setter writes the narrowest path, so an edit clears only the messages of what it changed.
  const setRule = (kind: DecisionKind, rule: DecisionRule) => f.set(`charter.decisions.${kind}`, rule);
  const setAudits = (patch: Partial<Charter["audits"]>) => {
    for (const [key, value] of Object.entries(patch)) f.set(`charter.audits.${key}` as "charter.audits", value as never);
  };
  const setMembership = (patch: Partial<Charter["membership"]>) => {
    for (const [key, value] of Object.entries(patch)) f.set(`charter.membership.${key}` as "charter.membership", value as never);
  };
  const toggle = (kind: DecisionKind, isOpen: boolean) =>
    setOpen((list) => (isOpen ? (list.includes(kind) ? list : [...list, kind]) : list.filter((k) => k !== kind)));

  const submit = f.handle(
    (v) => {
      setSaved(null);
      return amendCharterAction({ spaceSlug, charter: v.charter, reason: v.reason, basedOnVersion: version });
    },
    (data) => {
      setSaved(data);
      f.form.setValue("reason", "");
      router.refresh();
    },
  );

  return (
    <ActionFormElement form={f} onSubmit={submit} aria-label="Amend the charter" className="space-y-4">
      <div className="space-y-2">
        {decisionKinds.map((kind) => {
          const rule = charter.decisions[kind];
          const flagged = errorsAt(fields, `decisions.${kind}`).length > 0;
          return (
            <details
              key={kind}
              // A section holding an error stays open, so the message next to its field is visible.
              open={open.includes(kind) || flagged}
              onToggle={(event) => toggle(kind, event.currentTarget.open)}
              className="group rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
            >
              <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 text-sm font-semibold text-zinc-900 dark:text-zinc-100 [&::-webkit-details-marker]:hidden">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="text-muted transition-transform group-open:rotate-90">
                    ▸
                  </span>
                  {decisionTitles[kind]}
                </span>
                <span className={flagged ? "text-xs font-medium text-red-700 dark:text-red-300" : "text-xs font-normal text-muted"}>
                  {flagged ? "Needs attention" : methodLabels[rule.method]}
                </span>
              </summary>
              <fieldset className="border-t border-zinc-200 px-4 py-4 dark:border-zinc-800">
                <legend className="sr-only">{decisionTitles[kind]}</legend>
                <DecisionFields kind={kind} rule={rule} errors={fields} onChange={(next) => setRule(kind, next)} />
              </fieldset>
            </details>
          );
        })}
      </div>
      <fieldset className={groupClass}>
        <legend className={legendClass}>Audits</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            path="audits.blockingSeverity"
            label="Unresolved findings that block a release vote"
            value={charter.audits.blockingSeverity}
            options={severityOptions}
            errors={errorsAt(fields, "audits.blockingSeverity")}
            onChange={(blockingSeverity) => setAudits({ blockingSeverity })}
          />
          <CheckboxGroup
            path="audits.fileRoles"
            label="Who may file audit reports"
            options={roleOptions}
            selected={charter.audits.fileRoles}
            errors={errorsAt(fields, "audits.fileRoles")}
            onChange={(fileRoles) => setAudits({ fileRoles })}
          />
          <CheckboxGroup
            path="audits.requiredCategories"
            label="Audit reports a release needs before a vote"
            options={categoryOptions}
            selected={charter.audits.requiredCategories}
            errors={errorsAt(fields, "audits.requiredCategories")}
            onChange={(requiredCategories) => setAudits({ requiredCategories })}
            className="sm:col-span-2"
          />
        </div>
      </fieldset>
      <fieldset className={groupClass}>
        <legend className={legendClass}>Membership</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <CheckboxGroup
            path="membership.whoInvites"
            label="Who may invite new members"
            options={roleOptions}
            selected={charter.membership.whoInvites}
            errors={errorsAt(fields, "membership.whoInvites")}
            onChange={(whoInvites) => setMembership({ whoInvites })}
          />
          <CheckboxGroup
            path="membership.whoGrantsOwner"
            label="Who may make someone an owner"
            options={roleOptions}
            selected={charter.membership.whoGrantsOwner}
            errors={errorsAt(fields, "membership.whoGrantsOwner")}
            onChange={(whoGrantsOwner) => setMembership({ whoGrantsOwner })}
          />
        </div>
      </fieldset>
      <fieldset className={groupClass}>
        <legend className={legendClass}>Amendments</legend>
        <CheckboxField
          path="amendments.viaDecision"
          label="Amendments must pass a charter decision"
          hint="Once this is on, the charter can no longer be edited here: changes need a charter vote."
          checked={charter.amendments.viaDecision}
          errors={errorsAt(fields, "amendments.viaDecision")}
          onChange={(viaDecision) => f.set("charter.amendments.viaDecision", viaDecision)}
        />
      </fieldset>
      <Field
        id="charter-reason"
        {...f.form.register("reason")}
        label="Reason for this amendment"
        placeholder="e.g. Require a security audit before every release"
        required
        maxLength={1000}
        errors={f.errorsAt("reason")}
      />
      <ErrorSummary form={f} />
      {saved ? (
        <div role="status" className="rounded-md border border-brand-500 bg-brand-50 p-3 text-sm text-zinc-800 dark:bg-brand-900/30 dark:text-zinc-100">
          <p className="font-medium">Version {saved.version}: the charter is amended.</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {saved.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Button type="submit" disabled={f.pending} aria-busy={f.pending || undefined}>
        Amend charter
      </Button>
    </ActionFormElement>
  );
}
