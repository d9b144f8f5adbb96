"use client";
// The decision page's live part: tally, progress, "if it closed now", ballots and the voter's receipt,
// refreshed from GET /api/v1/decisions/{id} while open (TanStack Query), without reloading the page.
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { DecisionView } from "@/lib/decisions/view";
import { describeChoice } from "@/lib/decisions/choice-text";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { BallotForm } from "@/components/decisions/ballot-form";
import { DecisionControls } from "@/components/decisions/decision-controls";
import { DecisionStatusBadge } from "@/components/decisions/decision-list";
import { LocalTime } from "@/components/ui/local-time";

type Props = {
  initial: DecisionView;
  canVote: boolean;
  /** The viewer may close decisions early (policy); whether this one may close now is decision.earlyClose. */
  canClose: boolean;
  canCancel: boolean;
  receiptPosition: { logId: string; seq: number } | null;
};


async function fetchDecision(id: string): Promise<DecisionView> {
  const response = await fetch(`/api/v1/decisions/${id}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET /api/v1/decisions/${id}: ${response.status}`);
  return (await response.json()) as DecisionView;
}

export function DecisionLive({ initial, canVote, canClose, canCancel, receiptPosition }: Props) {
  const queryClient = useQueryClient();
  const key = ["decision", initial.id];
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => fetchDecision(initial.id),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.status === "open" ? 3000 : false),
  });
  const decision = data ?? initial;
  const [receipt, setReceipt] = useState<string | null>(null);
  // After a ballot is cast, focus moves to its receipt: what the voter needs next, and where a screen reader should be.
  const [casts, setCasts] = useState(0);
  const receiptRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (casts === 0) return;
    receiptRef.current?.focus({ preventScroll: true });
    receiptRef.current?.scrollIntoView({ block: "nearest" });
  }, [casts]);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const ranked = decision.method === "irv" || decision.method === "schulze";
  const yourReceipt = receipt ?? decision.you?.receipt ?? null;
  // Objects list integer-like keys ("0") first; show votes in the order people read them.
  const counts = Object.entries(decision.tally.counts).sort(([a], [b]) => choiceRank(a) - choiceRank(b));
  const labelOf = (key: string) => decision.options.find((o) => o.id === key)?.label ?? key;

  return (
    <div className="space-y-6">
      <Card>
        <CardTitle action={<DecisionStatusBadge status={decision.status} outcome={decision.outcome} />}>
          {decision.status === "open" ? "Tally so far" : decision.status === "cancelled" ? "Cancelled" : "Outcome"}
        </CardTitle>
        {decision.status === "cancelled" ? <p className="text-sm">Cancelled: {decision.cancelReason}</p> : null}
        {decision.outcome ? (
          <div className="space-y-1" data-testid="decision-outcome">
            <p className="font-medium">{decision.outcome.explanation}</p>
            {decision.outcome.applied.map((line) => (
              <p key={line} className="text-sm text-zinc-700 dark:text-zinc-300">
                {line}
              </p>
            ))}
            <p className="text-xs text-muted">
              {decision.outcome.closedBy === "early" ? "Closed early" : "Closed at the deadline"} {decision.closedAt ? <LocalTime at={decision.closedAt} /> : null}
            </p>
          </div>
        ) : null}
        {decision.projection ? (
          <p className="mb-3 font-medium" data-testid="projection" aria-live="polite">
            {decision.projection}
          </p>
        ) : null}
        <table className="mt-3 w-full text-left text-sm" aria-label="Tally">
          <thead className="text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="py-1">{ranked ? "First preference" : "Choice"}</th>
              <th scope="col" className="py-1">Binding</th>
              <th scope="col" className="py-1">Advisory</th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([choice, count]) => (
              <tr key={choice} className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-1">{labelOf(choice)}</td>
                <td className="py-1" data-testid={`count-${choice}`}>{count}</td>
                <td className="py-1">{decision.tally.advisoryCounts[choice] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {decision.progress.length ? (
          <div className="mt-4 space-y-2">
            {decision.progress.map((p) => (
              <div key={p.label}>
                <div className="flex justify-between text-xs text-zinc-600 dark:text-zinc-400">
                  <span>{p.label}</span>
                  <span>
                    {p.reached} of {p.needed}
                  </span>
                </div>
                <div className="mt-1 h-2 rounded bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-label={p.label} aria-valuemin={0} aria-valuemax={p.needed} aria-valuenow={p.reached}>
                  <div className="h-2 rounded bg-brand-600" style={{ width: `${Math.min(100, p.needed ? (100 * p.reached) / p.needed : 100)}%` }} />
                </div>
              </div>
            ))}
          </div>
        ) : null}
        <p className="mt-3 text-xs text-muted">
          {decision.eligibility.count} eligible ({decision.eligibility.binding} binding, {decision.eligibility.advisory} advisory), frozen at opening · eligibility hash{" "}
          <span className="font-mono">{decision.eligibility.hash.slice(0, 16)}…</span>
        </p>
      </Card>

      {decision.status === "open" && canVote && decision.you?.eligible ? (
        <section id="ballot" tabIndex={-1} aria-label="Vote" className="scroll-mt-4 rounded-xl">
        <Card>
          <CardTitle>Vote</CardTitle>
          <BallotForm
            decisionId={decision.id}
            method={decision.method}
            options={decision.options}
            binding={decision.you.binding}
            current={decision.you.choice}
            onCast={(hash) => {
              setReceipt(hash);
              setCasts((n) => n + 1);
              refresh();
            }}
          />
        </Card>
        </section>
      ) : decision.status === "open" && decision.you && !decision.you.eligible ? (
        <p className="text-sm text-muted">You were not among the eligible voters when this decision opened.</p>
      ) : null}

      {yourReceipt ? (
        <Card>
          <CardTitle>Your receipt</CardTitle>
          <div ref={receiptRef} tabIndex={-1} role="status" data-testid="receipt" className="space-y-1 rounded-sm text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
            <p>
              Your current ballot is {describeChoice(decision.you?.choice, decision.options, { ranked })}. Its receipt is the hash of its record event:
            </p>
            <p className="break-all font-mono text-xs">{yourReceipt}</p>
            <p className="text-xs text-muted">
              {receiptPosition && !receipt ? `Position ${receiptPosition.seq} in the space's log. ` : "Its position in the space's log is assigned shortly after. "}
              <Link className="underline" href={`/s/${decision.spaceSlug}/history?receipt=${yourReceipt}`}>
                Look it up in the history
              </Link>
            </p>
          </div>
        </Card>
      ) : null}

      {decision.status === "open" && (canClose || canCancel) ? (
        <Card>
          <CardTitle>Steward controls</CardTitle>
          <DecisionControls decisionId={decision.id} kind={decision.kind} earlyClose={decision.earlyClose} canClose={canClose} canCancel={canCancel} onDone={refresh} />
        </Card>
      ) : null}

      <Card>
        <CardTitle>Ballots ({decision.ballots.length})</CardTitle>
        {decision.ballots.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No ballots yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label="Ballots">
            {decision.ballots.map((b) => (
              <li key={b.voterId} className="py-2">
                <span className="font-medium">{b.name}</span> <Badge tone={b.binding ? "brand" : "neutral"}>{b.binding ? "binding" : "advisory"}</Badge>{" "}
                <span data-testid={`ballot-${b.name}`}>{describeChoice(b.choice, decision.options, { ranked })}</span>
                {b.reason ? <span className="text-zinc-600 dark:text-zinc-400"> — {b.reason}</span> : null}
                <span className="ml-2 font-mono text-xs text-muted" title={`Receipt ${b.receipt}`}>
                  #{b.receipt.slice(0, 10)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

const choiceOrder = ["+1", "0", "-1", "yes", "no", "abstain"];
function choiceRank(choice: string): number {
  const index = choiceOrder.indexOf(choice);
  return index === -1 ? choiceOrder.length : index;
}
