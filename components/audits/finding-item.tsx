// One finding on a report page: anchored #finding-N, with its description, affected artifacts and history.
import type { ReactNode } from "react";
import type { ReportOutput } from "@/lib/audits/schema";
import { FindingStatusBadge, SeverityBadge, findingStatusLabel, shortDigest } from "@/components/audits/badges";
import { Markdown } from "@/components/ui/markdown";
import { LocalTime } from "@/components/ui/local-time";

type Finding = ReportOutput["findings"][number];

export function FindingItem({ finding, names, artifactNames, children }: { finding: Finding; names: Record<string, string>; artifactNames: Record<string, string>; children?: ReactNode }) {
  return (
    <article id={finding.anchor} aria-labelledby={`${finding.anchor}-title`} className="scroll-mt-24 rounded-lg border border-zinc-200 p-4 target:ring-2 target:ring-brand-500 dark:border-zinc-800">
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">
          <a href={`#${finding.anchor}`} className="mr-1 text-muted hover:text-brand-600" aria-label={`Link to finding ${finding.number}`}>#{finding.number}</a>
          <span id={`${finding.anchor}-title`}>{finding.title}</span>
        </h3>
        <SeverityBadge severity={finding.severity} />
        <span data-testid={`${finding.anchor}-status`}><FindingStatusBadge status={finding.status} /></span>
      </header>
      <p className="mt-1 text-xs text-muted">
        Affects: {finding.affectedDigests.map((d) => `${artifactNames[d] ?? "a file no longer in the release"} (${shortDigest(d)})`).join(", ")}
      </p>
      {finding.description ? <div className="mt-2 text-sm"><Markdown>{finding.description}</Markdown></div> : null}
      <div className="mt-3">
        <h4 className="text-xs font-medium uppercase text-muted">History</h4>
        <ol className="mt-1 space-y-1 text-sm" aria-label={`History of finding ${finding.number}`}>
          <li className="text-zinc-600 dark:text-zinc-400">Filed as open.</li>
          {finding.history.map((h, i) => (
            <li key={i} className="text-zinc-800 dark:text-zinc-200">
              <LocalTime at={h.at} className="text-xs text-muted" />{" "}
              {names[h.actorId] ?? "someone"} moved it from {findingStatusLabel(h.from)} to {findingStatusLabel(h.to)}
              {h.note ? `: ${h.note}` : ""}
              {h.evidence ? (
                <>
                  {" "}(<a href={h.evidence.url} rel="noopener noreferrer nofollow" className="text-brand-700 underline dark:text-brand-500">evidence</a>
                  {h.evidence.sha256 ? <code className="ml-1 text-xs">{shortDigest(h.evidence.sha256)}</code> : null})
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </div>
      {children}
    </article>
  );
}
