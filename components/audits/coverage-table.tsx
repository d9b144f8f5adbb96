// Coverage of a release: categories x report states, and unresolved findings by severity.
import type { Coverage } from "@/lib/audits/gate";
import { CoverageBadge, SeverityBadge, categoryLabel } from "@/components/audits/badges";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";

export function CoverageTable({ coverage, required }: { coverage: Coverage; required: readonly string[] }) {
  return (
    <div className="space-y-3">
      <ScrollRegion label="Audit coverage table">
        <table className="w-full text-left text-sm" aria-label="Audit coverage">
          <thead className="text-xs uppercase text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">Category</th>
              <th scope="col" className="py-2 pr-3 font-medium">Coverage</th>
              <th scope="col" className="py-2 pr-3 font-medium">Accepted</th>
              <th scope="col" className="py-2 pr-3 font-medium">Pending</th>
              <th scope="col" className="py-2 font-medium">Stale</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {coverage.categories.map((row) => (
              <tr key={row.category} data-testid={`coverage-${row.category}`}>
                <th scope="row" className="py-2 pr-3 font-normal text-zinc-800 dark:text-zinc-200">
                  {categoryLabel(row.category)} {required.includes(row.category) ? <Badge>required</Badge> : null}
                </th>
                <td className="py-2 pr-3"><CoverageBadge status={row.status} required={required.includes(row.category)} /></td>
                <td className="py-2 pr-3 tabular-nums">{row.accepted}</td>
                <td className="py-2 pr-3 tabular-nums">{row.pending}</td>
                <td className="py-2 tabular-nums">{row.stale}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="unresolved-findings">
        <span className="text-zinc-600 dark:text-zinc-400">Unresolved findings:</span>
        {Object.entries(coverage.openFindings).map(([severity, count]) => (
          <span key={severity} className="inline-flex items-center gap-1">
            <SeverityBadge severity={severity} /> <span className="tabular-nums">{count}</span>
          </span>
        ))}
      </div>
    </div>
  );
}
