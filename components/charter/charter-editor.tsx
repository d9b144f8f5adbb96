"use client";
// Structured charter editor: every rule is a form field, and the whole charter is submitted as one amendment.
import { useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { amendCharterAction } from "@/lib/charter/actions";
import { decisionTitles } from "@/lib/charter/describe";
import { decisionKinds, maxVotingHours, type Charter, type DecisionKind, type DecisionRule } from "@/lib/charter/schema";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import {
  CheckboxField,
  CheckboxGroup,
  NumberField,
  SelectField,
  apacheMethods,
  categoryOptions,
  errorsAt,
  methodLabels,
  methodOptions,
  quorumOptions,
  roleOptions,
  severityOptions,
  type FieldErrors,
  type QuorumChoice,
} from "@/components/charter/charter-fields";

const twoDecimals = (n: number) => String(Math.round(n * 100) / 100);
const groupClass = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";
const legendClass = "px-1 text-sm font-semibold text-zinc-900 dark:text-zinc-100";

type NumericKey = "threshold" | "minPlusOnes" | "minHours" | "maxHours";
type RoleListKey = "bindingRoles" | "advisoryRoles";
type FlagKey = "veto" | "earlyClose";

function DecisionFields({ kind, rule, errors, onChange }: { kind: DecisionKind; rule: DecisionRule; errors: FieldErrors; onChange: (rule: DecisionRule) => void }) {
  const path = `decisions.${kind}`;
  const at = (field: string) => errorsAt(errors, `${path}.${field}`);
  const set = <K extends keyof DecisionRule>(key: K, value: DecisionRule[K]) => onChange({ ...rule, [key]: value });
  // An emptied box leaves the rule as it was; the input is required, so the form cannot be sent that way.
  const numeric = (key: NumericKey) => ({
    path: `${path}.${key}`,
    value: rule[key],
    errors: at(key),
    onChange: (value: number | null) => value !== null && set(key, value),
  });
  const roleList = (key: RoleListKey) => ({
    path: `${path}.${key}`,
    options: roleOptions,
    selected: rule[key],
    errors: at(key),
    onChange: (list: DecisionRule[RoleListKey]) => set(key, list),
  });
  const flag = (key: FlagKey) => ({ path: `${path}.${key}`, checked: rule[key], errors: at(key), onChange: (on: boolean) => set(key, on) });
  // Remembers a chosen quorum type while its value box is still empty (an empty value means no quorum).
  const [quorumChoice, setQuorumChoice] = useState<QuorumChoice>(rule.quorum?.type ?? "none");
  const quorumType = rule.quorum?.type ?? quorumChoice;
  const byCount = quorumType === "count";
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField path={`${path}.method`} label="Voting method" value={rule.method} options={methodOptions} errors={at("method")} onChange={(method) => set("method", method)} />
        <SelectField
          path={`${path}.quorum`}
          label="Quorum"
          value={quorumType}
          options={quorumOptions}
          errors={errors[`${path}.quorum`] ?? []}
          onChange={(choice) => {
            setQuorumChoice(choice);
            set("quorum", null);
          }}
        />
        {quorumType === "none" ? null : (
          <NumberField
            key={quorumType}
            path={`${path}.quorum.value`}
            label={byCount ? "Quorum: binding voters" : "Quorum: share of binding voters"}
            hint={byCount ? "A whole number, at least 1." : "0.5 = half the binding voters, 1 = all of them."}
            value={rule.quorum?.value ?? null}
            min={byCount ? 1 : 0.01}
            max={byCount ? undefined : 1}
            step={byCount ? 1 : 0.01}
            errors={at("quorum.value")}
            onChange={(value) => set("quorum", value === null ? null : { type: quorumType, value })}
          />
        )}
        <NumberField {...numeric("threshold")} label="Threshold" hint="0.5 = simple majority, 0.67 = two-thirds" min={0.5} max={1} step={0.01} format={twoDecimals} />
        {apacheMethods.includes(rule.method) ? <NumberField {...numeric("minPlusOnes")} label="Minimum binding +1 votes" min={0} step={1} /> : null}
        <NumberField {...numeric("minHours")} label="Minimum voting period (hours)" hint="72 hours = 3 days" min={0} step="any" />
        <NumberField {...numeric("maxHours")} label="Maximum voting period (hours)" hint={`At most ${maxVotingHours} hours (90 days)`} min={0} max={maxVotingHours} step="any" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <CheckboxGroup {...roleList("bindingRoles")} label="Binding votes" />
        <CheckboxGroup {...roleList("advisoryRoles")} label="Advisory votes" />
        <CheckboxField {...flag("veto")} label="A binding no (-1) is a veto" />
        <CheckboxField {...flag("earlyClose")} label="Stewards may close the vote early once the outcome cannot change" />
      </div>
    </div>
  );
}

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
                  <span aria-hidden="true" className="text-zinc-400 transition-transform group-open:rotate-90">
                    ▸
                  </span>
                  {decisionTitles[kind]}
                </span>
                <span className={flagged ? "text-xs font-medium text-red-700 dark:text-red-300" : "text-xs font-normal text-zinc-500 dark:text-zinc-400"}>
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
