// A space's proposals: title, who started it, how many comments, and the decision or release it led to.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ProposalSummary } from "@/lib/threads/use-cases/proposals";

export function ProposalList({ spaceSlug, proposals }: { spaceSlug: string; proposals: ProposalSummary[] }) {
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Proposals">
      {proposals.map((p) => (
        <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid={`proposal-${p.id}`}>
          <div className="min-w-0">
            <Link href={`/s/${spaceSlug}/proposals/${p.id}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100">
              {p.title}
            </Link>
            <p className="text-xs text-muted">
              {p.createdBy.name} · <LocalTime at={p.createdAt} style="date" /> · {p.comments} {p.comments === 1 ? "comment" : "comments"}
            </p>
          </div>
          {p.decision ? <Badge tone="brand">became a decision</Badge> : p.release ? <Badge tone="info">linked to {p.release.label}</Badge> : <Badge>discussing</Badge>}
        </li>
      ))}
    </ul>
  );
}
