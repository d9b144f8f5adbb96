"use client";
// Structured charter editor: every rule is a form field, and the whole charter is submitted as one amendment.
import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { amendCharterAction } from "@/lib/charter/actions";
import { decisionTitles } from "@/lib/charter/describe";
import { decisionKinds, type Charter, type DecisionKind, type DecisionRule } from "@/lib/charter/schema";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CheckboxField, CheckboxGroup, SelectField, errorsAt, type FieldErrors } from "@/components/charter/charter-fields";
import { categoryOptions, methodLabels, roleOptions, severityOptions } from "@/components/charter/charter-options";
import { DecisionFields } from "@/components/charter/decision-fields";

const groupClass = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";
const legendClass = "px-1 text-sm font-semibold text-zinc-900 dark:text-zinc-100";

export function CharterEditor({ spaceSlug, version, charter: initial }: { spaceSlug: string; version: number; charter: Charter }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [charter, setCharter] = useState<Charter>(initial);
  const [reason, setReason] = useState("");
  const [fields, setFields] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ version: number; changes: string[] } | null>(null);
  const [open, setOpen] = useState<DecisionKind[]>(["release"]);

  const setRule = (kind: DecisionKind, rule: DecisionRule) =>
    setCharter((c) => ({ ...c, decisions: { ...c.decisions, [kind]: rule } }));
  const setAudits = (patch: Partial<Charter["audits"]>) => setCharter((c) => ({ ...c, audits: { ...c.audits, ...patch } }));
  const setMembership = (patch: Partial<Charter["membership"]>) =>
    setCharter((c) => ({ ...c, membership: { ...c.membership, ...patch } }));
  const toggle = (kind: DecisionKind, isOpen: boolean) =>
    setOpen((list) => (isOpen ? (list.includes(kind) ? list : [...list, kind]) : list.filter((k) => k !== kind)));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await amendCharterAction({ spaceSlug, charter, reason, basedOnVersion: version });
      if (result.ok) {
        setSaved(result.data);
        setFields({});
        setFailure(null);
        setReason("");
        router.refresh();
        return;
      }
      const next = result.error.fields ?? {};
      setFields(next);
      setFailure(result.error.message);
      setSaved(null);
      // Open every decision section that holds an error, so the message next to the field is visible.
      const withErrors = decisionKinds.filter((kind) => errorsAt(next, `decisions.${kind}`).length > 0);
      setOpen((list) => [...new Set([...list, ...withErrors])]);
    });
  }

  return (
    <form onSubmit={submit} aria-label="Amend the charter" className="space-y-4">
      <div className="space-y-2">
        {decisionKinds.map((kind) => {
          const rule = charter.decisions[kind];
          const flagged = errorsAt(fields, `decisions.${kind}`).length > 0;
          return (
            <details
              key={kind}
              open={open.includes(kind)}
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
          onChange={(viaDecision) => setCharter((c) => ({ ...c, amendments: { viaDecision } }))}
        />
      </fieldset>
      <Field
        id="charter-reason"
        name="reason"
        label="Reason for this amendment"
        placeholder="e.g. Require a security audit before every release"
        required
        maxLength={1000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        errors={fields.reason}
      />
      {failure ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {failure}
        </div>
      ) : null}
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
      <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
        Amend charter
      </Button>
    </form>
  );
}
