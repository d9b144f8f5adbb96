"use client";
// The rules of one kind of decision in the charter editor: method, quorum, threshold, voting period, who votes.
import { useState } from "react";
import { maxVotingHours, type DecisionKind, type DecisionRule } from "@/lib/charter/schema";
import { CheckboxField, CheckboxGroup, NumberField, SelectField, errorsAt, type FieldErrors } from "@/components/charter/charter-fields";
import { apacheMethods, methodOptions, quorumOptions, roleOptions, type QuorumChoice } from "@/components/charter/charter-options";

const twoDecimals = (n: number) => String(Math.round(n * 100) / 100);

type NumericKey = "threshold" | "minPlusOnes" | "minHours" | "maxHours";
type RoleListKey = "bindingRoles" | "advisoryRoles";
type FlagKey = "veto" | "earlyClose" | "concernsBlock";

export function DecisionFields({ kind, rule, errors, onChange }: { kind: DecisionKind; rule: DecisionRule; errors: FieldErrors; onChange: (rule: DecisionRule) => void }) {
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
        <CheckboxField {...flag("concernsBlock")} label="An open concern from a binding voter blocks passing until resolved" />
      </div>
    </div>
  );
}

