"use client";
// The ballot form for every method: yes/no/abstain, +1/0/-1, one option, approvals, or a ranking.
import { useWatch } from "react-hook-form";
import { castBallotAction } from "@/lib/decisions/actions";
import type { DecisionOption, VotingMethod } from "@/lib/decisions/methods/types";
import { rerank } from "@/lib/decisions/ranking";
import { Button } from "@/components/ui/button";
import { inputClass, TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, FieldMessage, useActionForm } from "@/components/ui/form";

type Values = { single: string; approved: string[]; ranking: string[]; reason: string };

type Props = {
  decisionId: string;
  method: VotingMethod;
  options: DecisionOption[];
  binding: boolean;
  current: unknown;
  onCast: (receipt: string) => void;
};

const fixedChoices: Partial<Record<VotingMethod, Array<{ value: string; label: string }>>> = {
  "yes-no": [
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
    { value: "abstain", label: "Abstain" },
  ],
  "apache-release": [
    { value: "+1", label: "+1 (approve)" },
    { value: "0", label: "0 (no opinion)" },
    { value: "-1", label: "-1 (against)" },
  ],
};
fixedChoices["apache-consensus"] = fixedChoices["apache-release"]!.map((c) => (c.value === "-1" ? { ...c, label: "-1 (veto, with a reason)" } : c));
fixedChoices["lazy-consensus"] = fixedChoices["apache-release"]!.map((c) => (c.value === "-1" ? { ...c, label: "-1 (objection)" } : c));

export function BallotForm({ decisionId, method, options, binding, current, onCast }: Props) {
  const fixed = fixedChoices[method];
  const ranked = method === "irv" || method === "schulze";
  // The choice lives in the one value this method uses; its errors are kept under that name, so changing it clears them.
  const choiceName = method === "approval" ? "approved" : ranked ? "ranking" : "single";
  const choiceOf = (v: Values): unknown => v[choiceName];
  const fieldOf = (path: string) => (path.startsWith("choice") ? choiceName : path.startsWith("reason") ? "reason" : path);
  const f = useActionForm<Values>({
    defaultValues: {
      single: typeof current === "string" ? current : "",
      approved: Array.isArray(current) && method === "approval" ? (current as string[]) : [],
      // The ranking is an ordered list, so no two options can share a rank: picking a taken rank moves the option there.
      ranking: Array.isArray(current) && method !== "approval" ? (current as string[]) : [],
      reason: "",
    },
    check: (v): Record<string, string[]> => {
      const choice = choiceOf(v);
      const empty = Array.isArray(choice) ? choice.length === 0 : choice === "";
      return empty ? { [choiceName]: [ranked ? "Rank at least one option." : method === "approval" ? "Approve at least one option." : "Choose how you vote."] } : {};
    },
    fieldOf,
  });
  const [single, approved, ranking] = useWatch({ control: f.form.control, name: ["single", "approved", "ranking"] });
  const choiceErrors = f.errorsAt(choiceName);
  const choiceWiring = (first: boolean) => ({
    id: first ? `choice-${decisionId}` : undefined,
    "aria-invalid": choiceErrors.length ? (true as const) : undefined,
    "aria-describedby": choiceErrors.length ? `choice-${decisionId}-error` : undefined,
  });
  const setChoice = <N extends "single" | "approved" | "ranking">(name: N, value: Values[N]) => f.set(name, value as never);

  const submit = f.handle(
    (v) => castBallotAction({ decisionId, choice: choiceOf(v), reason: v.reason || undefined }),
    (data) => {
      f.form.setValue("reason", "");
      onCast(data.receipt);
    },
  );

  return (
    <ActionFormElement form={f} onSubmit={submit} className="space-y-3" aria-label="Your ballot">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Your vote {binding ? "(binding)" : "(advisory)"}
        </legend>
        {fixed
          ? fixed.map((c, i) => (
              <label key={c.value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="choice" value={c.value} {...choiceWiring(i === 0)} checked={single === c.value} onChange={() => setChoice("single", c.value)} />
                {c.label}
              </label>
            ))
          : null}
        {method === "plurality"
          ? options.map((o, i) => (
              <label key={o.id} className="flex items-center gap-2 text-sm">
                <input type="radio" name="choice" value={o.id} {...choiceWiring(i === 0)} checked={single === o.id} onChange={() => setChoice("single", o.id)} />
                {o.label}
              </label>
            ))
          : null}
        {method === "approval"
          ? options.map((o, i) => (
              <label key={o.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  {...choiceWiring(i === 0)}
                  checked={approved.includes(o.id)}
                  onChange={(e) => setChoice("approved", e.target.checked ? [...approved, o.id] : approved.filter((id) => id !== o.id))}
                />
                {o.label}
              </label>
            ))
          : null}
        {ranked
          ? options.map((o, i) => (
              <div key={o.id} className="flex items-center gap-3 text-sm">
                <label htmlFor={`rank-${o.id}`} className="w-56">
                  Rank of {o.label}
                </label>
                <select
                  id={`rank-${o.id}`}
                  aria-invalid={choiceErrors.length ? true : undefined}
                  aria-describedby={choiceErrors.length ? `choice-${decisionId}-error` : undefined}
                  data-first={i === 0 ? "" : undefined}
                  className={`${inputClass} w-32 py-1`}
                  value={ranking.includes(o.id) ? String(ranking.indexOf(o.id) + 1) : ""}
                  onChange={(e) => setChoice("ranking", rerank(ranking, o.id, e.target.value === "" ? null : Number(e.target.value)))}
                >
                  <option value="">not ranked</option>
                  {Array.from({ length: Math.min(options.length, ranking.length + (ranking.includes(o.id) ? 0 : 1)) }, (_, i) => (
                    <option key={i} value={String(i + 1)}>
                      {i + 1}
                    </option>
                  ))}
                </select>
              </div>
            ))
          : null}
        <FieldMessage id={`choice-${decisionId}`} messages={choiceErrors} />
      </fieldset>
      <TextAreaField label="Reason (optional; required for a veto)" id={`reason-${decisionId}`} rows={2} {...f.form.register("reason")} maxLength={5000} errors={f.errorsAt("reason")} />
      <ErrorSummary form={f} />
      <Button type="submit" disabled={f.pending}>
        {current === null || current === undefined ? "Cast ballot" : "Change ballot"}
      </Button>
    </ActionFormElement>
  );
}
