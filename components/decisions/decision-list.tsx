// A list of decisions: open ones first with their closing time, then closed ones with their outcome.
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { ConcernCount } from "@/components/concerns/concern-count";

export type DecisionListItem = {
  id: string;
  title: string;
  kind: string;
  method: string;
  status: "open" | "closed" | "cancelled";
  closesAt: string;
  closedAt: string | null;
  outcome: { status: string; explanation: string } | null;
  ballots: number;
  eligible: number;
};


export function outcomeTone(status: string | undefined): BadgeTone {
  return status === "passed" ? "brand" : status === "failed" || status === "no-quorum" ? "danger" : "neutral";
}

export function DecisionStatusBadge({ status, outcome }: { status: DecisionListItem["status"]; outcome: DecisionListItem["outcome"] }) {
  if (status === "open") return <Badge tone="info">open</Badge>;
  if (status === "cancelled") return <Badge tone="warn">cancelled</Badge>;
  return <Badge tone={outcomeTone(outcome?.status)}>{outcome?.status ?? "closed"}</Badge>;
}

export function DecisionList({ spaceSlug, decisions, emptyTitle = "No decisions yet", comments = {}, concerns = {} }: { spaceSlug: string; decisions: DecisionListItem[]; emptyTitle?: string; /** Visible comments per decision id. */ comments?: Record<string, number>; /** Open concerns per decision id. */ concerns?: Record<string, number> }) {
  if (decisions.length === 0) return <EmptyState title={emptyTitle}>Decisions are opened by stewards and decided by the charter&apos;s rules.</EmptyState>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Decisions">
      {decisions.map((d) => (
        <li key={d.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid={`decision-${d.id}`}>
          <div className="min-w-0">
            <Link href={`/s/${spaceSlug}/decisions/${d.id}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100">
              {d.title}
            </Link>
            <p className="text-xs text-muted">
              {d.kind} · {d.method} · {d.ballots} of {d.eligible} eligible voted · {comments[d.id] ?? 0} {(comments[d.id] ?? 0) === 1 ? "comment" : "comments"} ·{" "}
              {d.status === "open" ? <>closes <LocalTime at={d.closesAt} /></> : d.closedAt ? <>{d.status} <LocalTime at={d.closedAt} /></> : d.status}
            </p>
            {d.outcome ? <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{d.outcome.explanation}</p> : null}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <ConcernCount count={concerns[d.id]} />
            <DecisionStatusBadge status={d.status} outcome={d.outcome} />
          </div>
        </li>
      ))}
    </ul>
  );
}
