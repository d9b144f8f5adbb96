// A list of audit reports with their category, release, review status, staleness, findings and comments count.
import Link from "next/link";
import { ReportStatusBadge, VerdictBadge, categoryLabel } from "@/components/audits/badges";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";

export type ReportListItem = {
  id: string;
  category: string;
  verdict: string;
  status: string;
  stale: boolean;
  authorName: string;
  createdAt: string;
  release?: { modelName: string; version: string };
  unresolved: number;
  findings: number;
  /** Visible comments in its thread, where the caller counted them. */
  comments?: number;
};

export function ReportList({ spaceSlug, reports, emptyHint }: { spaceSlug: string; reports: ReportListItem[]; emptyHint?: string }) {
  if (reports.length === 0) {
    return <EmptyState title="No audit reports yet">{emptyHint ?? "Nobody has filed an audit report here yet."}</EmptyState>;
  }
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Audit reports">
      {reports.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div className="min-w-0">
            <Link href={`/s/${spaceSlug}/audits/${r.id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-500">
              {categoryLabel(r.category)} audit{r.release ? ` of ${r.release.modelName} ${r.release.version}` : ""}
            </Link>
            <p className="text-xs text-muted">
              by {r.authorName}, <LocalTime at={r.createdAt} style="date" /> · {r.findings} finding{r.findings === 1 ? "" : "s"}
              {r.unresolved ? `, ${r.unresolved} unresolved` : ""}
              {r.comments !== undefined ? ` · ${r.comments} comment${r.comments === 1 ? "" : "s"}` : ""}
            </p>
          </div>
          <div className="flex flex-wrap gap-1">
            <VerdictBadge verdict={r.verdict} />
            <ReportStatusBadge status={r.status} stale={r.stale} />
          </div>
        </li>
      ))}
    </ul>
  );
}
