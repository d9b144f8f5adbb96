// Audits of one release, for the release page and the audits list: coverage, the gate in plain words, reports.
import Link from "next/link";
import { currentActor } from "@/lib/auth/session";
import { isResolved, type FindingStatus } from "@/lib/audits/rules";
import { userNames } from "@/lib/users/data";
import { releaseAudits } from "@/lib/audits/use-cases/release-audits";
import { CoverageTable } from "@/components/audits/coverage-table";
import { GateExplanation } from "@/components/audits/gate-explanation";
import { ReportList } from "@/components/audits/report-list";
import { buttonClass } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";

export async function ReleaseAudits({ releaseId, spaceSlug }: { releaseId: string; spaceSlug: string }) {
  const actor = await currentActor();
  const found = await releaseAudits(actor, releaseId);
  if (!found.ok) return null;
  const { gate, coverage, reports, rows, requiredCategories, canFile, blockingSeverity } = found.data;
  const names = await userNames(rows.map((r) => r.authorId));
  const anchors = new Map(rows.flatMap((r) => r.findings.map((f) => [f.id, `/s/${spaceSlug}/audits/${r.id}#finding-${f.number}`] as const)));
  const byId = new Map(reports.map((r) => [r.id, r]));
  return (
    <Card>
      <CardTitle
        action={
          canFile ? (
            <Link href={`/s/${spaceSlug}/audits/new?release=${releaseId}`} className={buttonClass("secondary")}>
              File an audit report
            </Link>
          ) : null
        }
      >
        Audits
      </CardTitle>
      <div className="space-y-5">
        <GateExplanation gate={gate} status={found.data.release.status} anchorOf={(id) => anchors.get(id) ?? null} />
        <p className="text-xs text-muted">
          The charter blocks on unresolved findings of severity {blockingSeverity} or above
          {requiredCategories.length ? ` and requires accepted reports in: ${requiredCategories.join(", ")}` : ""}.
        </p>
        <CoverageTable coverage={coverage} required={requiredCategories} />
        <ReportList
          spaceSlug={spaceSlug}
          emptyHint="No audit reports on this release yet."
          reports={rows.map((r) => ({
            id: r.id,
            category: r.category,
            verdict: r.verdict,
            status: byId.get(r.id)?.status ?? "pending",
            stale: byId.get(r.id)?.stale ?? false,
            authorName: names[r.authorId] ?? "someone",
            createdAt: r.createdAt.toISOString(),
            findings: r.findings.length,
            unresolved: r.findings.filter((f) => !isResolved(f.status as FindingStatus)).length,
          }))}
        />
      </div>
    </Card>
  );
}
