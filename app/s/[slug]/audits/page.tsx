import type { Metadata } from "next";
import Link from "next/link";
import { loadSpacePage } from "../load";
import { listSpaceReleases, listSpaceReports, statusOfReviews } from "@/lib/audits/data";
import { commentCounts } from "@/lib/threads/data";
import { userNames } from "@/lib/users/data";
import { isResolved, isStale, type FindingStatus } from "@/lib/audits/rules";
import { ReleaseAudits } from "@/components/audits/release-audits";
import { ReportList } from "@/components/audits/report-list";
import { Card, CardTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "Audits" };

export default async function AuditsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ release?: string }> }) {
  const { slug } = await params;
  const { release: releaseParam } = await searchParams;
  const { space } = await loadSpacePage(slug);
  const releases = await listSpaceReleases(space.id);
  const selected = releases.find((r) => r.id === releaseParam) ?? null;
  const reports = await listSpaceReports(space.id, { releaseId: selected?.id });
  const [names, comments] = await Promise.all([userNames(reports.map((r) => r.authorId)), commentCounts(space.id, "audit", reports.map((r) => r.id))]);

  return (
    <div className="space-y-6">
      <Card>
        <CardTitle>Audit reports</CardTitle>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="release-filter" className="mb-1 block text-sm font-medium">Release</label>
            <select id="release-filter" name="release" defaultValue={selected?.id ?? ""} className={`${inputClass} w-64`}>
              <option value="">All releases</option>
              {releases.map((r) => (
                <option key={r.id} value={r.id}>{r.modelName} {r.version} ({r.status.replace("_", " ")})</option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>Show</button>
          {selected ? <Link href={`/s/${slug}/audits`} className="text-sm text-brand-700 underline dark:text-brand-500">Clear filter</Link> : null}
        </form>
        <ReportList
          spaceSlug={slug}
          emptyHint={releases.length ? "File one from a release: choose it above, then “File an audit report”." : "Audits are filed on releases; this space has none yet."}
          reports={reports.map((r) => ({
            id: r.id,
            category: r.category,
            verdict: r.verdict,
            status: statusOfReviews(r.reviews),
            stale: isStale({ reportDigests: r.scopeDigests, releaseDigests: r.release.artifacts.map((a) => a.digest) }),
            authorName: names[r.authorId] ?? "someone",
            createdAt: r.createdAt.toISOString(),
            release: r.release,
            findings: r.findings.length,
            unresolved: r.findings.filter((f) => !isResolved(f.status as FindingStatus)).length,
            comments: comments[r.id] ?? 0,
          }))}
        />
      </Card>
      {selected ? <ReleaseAudits releaseId={selected.id} spaceSlug={slug} /> : null}
    </div>
  );
}
