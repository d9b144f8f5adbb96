"use client";
// The ballot form for every method: yes/no/abstain, +1/0/-1, one option, approvals, or a ranking.
import { useState, useTransition } from "react";
import { castBallotAction } from "@/lib/decisions/actions";
import type { DecisionOption, VotingMethod } from "@/lib/decisions/methods/types";
import { rerank } from "@/lib/decisions/ranking";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

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
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [single, setSingle] = useState<string>(typeof current === "string" ? current : "");
  const [approved, setApproved] = useState<string[]>(Array.isArray(current) && method === "approval" ? (current as string[]) : []);
  // The ranking is an ordered list, so no two options can share a rank: picking a taken rank moves the option there.
  const [ranking, setRanking] = useState<string[]>(Array.isArray(current) && method !== "approval" ? (current as string[]) : []);
  const [reason, setReason] = useState("");
  const fixed = fixedChoices[method];
  const ranked = method === "irv" || method === "schulze";

  function choice(): unknown {
    if (method === "approval") return approved;
    if (ranked) return ranking;
    return single;
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await castBallotAction({ decisionId, choice: choice(), reason: reason || undefined });
      if (result.ok) {
        setReason("");
        onCast(result.data.receipt);
      } else setError(result.error.message);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Your ballot">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Your vote {binding ? "(binding)" : "(advisory)"}
        </legend>
        {fixed
          ? fixed.map((c) => (
              <label key={c.value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="choice" value={c.value} checked={single === c.value} onChange={() => setSingle(c.value)} />
                {c.label}
              </label>
            ))
          : null}
        {method === "plurality"
          ? options.map((o) => (
              <label key={o.id} className="flex items-center gap-2 text-sm">
                <input type="radio" name="choice" value={o.id} checked={single === o.id} onChange={() => setSingle(o.id)} />
                {o.label}
              </label>
            ))
          : null}
        {method === "approval"
          ? options.map((o) => (
              <label key={o.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={approved.includes(o.id)}
                  onChange={(e) => setApproved((list) => (e.target.checked ? [...list, o.id] : list.filter((id) => id !== o.id)))}
                />
                {o.label}
              </label>
            ))
          : null}
        {ranked
          ? options.map((o) => (
              <div key={o.id} className="flex items-center gap-3 text-sm">
                <label htmlFor={`rank-${o.id}`} className="w-56">
                  Rank of {o.label}
                </label>
                <select
                  id={`rank-${o.id}`}
                  className={`${inputClass} w-32 py-1`}
                  value={ranking.includes(o.id) ? String(ranking.indexOf(o.id) + 1) : ""}
                  onChange={(e) => setRanking((list) => rerank(list, o.id, e.target.value === "" ? null : Number(e.target.value)))}
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
      </fieldset>
      <div>
        <label htmlFor={`reason-${decisionId}`} className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Reason (optional; required for a veto)
        </label>
        <textarea id={`reason-${decisionId}`} rows={2} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={5000} />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {current === null || current === undefined ? "Cast ballot" : "Change ballot"}
      </Button>
    </form>
  );
}
