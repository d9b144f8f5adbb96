import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadSpacePage } from "../../load";
import { userNames } from "@/lib/users/data";
import { viewSpaceAuditReport } from "@/lib/audits/use-cases/view-space-audit-report";
import type { FindingStatus } from "@/lib/audits/rules";
import { allowedFindingTargets } from "@/lib/audits/transition-options";
import { can } from "@/lib/policy";
import { ReportStatusBadge, VerdictBadge, categoryLabel, shortDigest } from "@/components/audits/badges";
import { FindingItem } from "@/components/audits/finding-item";
import { FindingTransitionForm } from "@/components/audits/finding-transition-form";
import { ReviewForm } from "@/components/audits/review-form";
import { HistorySlice } from "@/components/record/history-slice";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Markdown } from "@/components/ui/markdown";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Audit report" };

const reviewLabels: Record<string, string> = { accept: "accepted", request_changes: "requested changes", dispute: "disputed" };

export default async function AuditReportPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  // A missing report, another space's, or a private space's the viewer cannot see: the same 404 page.
  const viewed = await viewSpaceAuditReport(actor, slug, id);
  if (!viewed.ok || viewed.data.report.spaceId !== space.id) notFound();
  const { report, detail } = viewed.data;
  const names = await userNames([report.authorId, ...report.reviews.map((r) => r.reviewerId), ...report.findings.flatMap((f) => f.history.map((h) => h.actorId))]);
  const artifactNames = Object.fromEntries(detail.release.artifacts.map((a) => [a.digest, a.name]));
  // The same questions, with the same facts, as the use cases ask: showing a control is a courtesy.
  const resource = { space: { visibility: space.visibility, role }, authorId: report.authorId };
  const canTransition = can(actor, "finding.transition", resource).allow;
  const review = can(actor, "audit.review", resource);
  const canReview = review.allow;
  const ownReport = !review.allow && review.code === "OWN_REPORT";
  const release = detail.release;

  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 className="text-xl font-semibold">
              {categoryLabel(report.category)} audit of {release.modelName} {release.version}
            </h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Filed by {names[report.authorId] ?? "someone"} on <LocalTime at={report.createdAt} style="date" /> ·{" "}
              <Link href={`/s/${slug}/audits?release=${release.id}`} className="text-brand-700 underline dark:text-brand-500">all audits of this release</Link>
              {" · "}
              <a href={`/api/v1/audits/${report.id}/findings.json`} className="text-brand-700 underline dark:text-brand-500">findings as JSON</a>
            </p>
          </div>
          <div className="flex flex-wrap gap-1" data-testid="report-status">
            <VerdictBadge verdict={report.verdict} />
            <ReportStatusBadge status={report.status} stale={report.stale} />
          </div>
        </div>
        {report.stale ? (
          <p role="note" className="mt-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            This report is stale: some files it examined are no longer part of the release, so it no longer counts towards coverage.
          </p>
        ) : null}
        <div className="mt-4 space-y-4 text-sm">
          <section>
            <h3 className="font-medium">Summary</h3>
            <Markdown>{report.summary}</Markdown>
          </section>
          {report.methodology ? (
            <section>
              <h3 className="font-medium">Methodology</h3>
              <Markdown>{report.methodology}</Markdown>
            </section>
          ) : null}
          <section>
            <h3 className="font-medium">Scope</h3>
            <ul className="list-disc pl-5">
              {report.scopeDigests.map((d) => (
                <li key={d}>
                  {artifactNames[d] ?? <span className="text-amber-700 dark:text-amber-300">no longer in the release</span>} <code className="text-xs">{shortDigest(d)}</code>
                </li>
              ))}
            </ul>
          </section>
          {report.evidence.length ? (
            <section>
              <h3 className="font-medium">Evidence</h3>
              <ul className="list-disc pl-5">
                {report.evidence.map((e) => (
                  <li key={e.url}>
                    <a href={e.url} rel="noopener noreferrer nofollow" className="text-brand-700 underline dark:text-brand-500">{e.label ?? e.url}</a>
                    {e.sha256 ? <code className="ml-2 text-xs">{shortDigest(e.sha256)}</code> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </Card>

      <Card>
        <CardTitle>Findings ({report.findings.length})</CardTitle>
        {report.findings.length === 0 ? (
          <EmptyState title="No findings">The auditor recorded no findings.</EmptyState>
        ) : (
          <div className="space-y-4">
            {report.findings.map((f) => {
              const targets = canTransition ? allowedFindingTargets({ from: f.status as FindingStatus, actor, space: resource.space, authorId: report.authorId }) : [];
              return (
                <FindingItem key={f.id} finding={f} names={names} artifactNames={artifactNames}>
                  {targets.length ? <FindingTransitionForm findingId={f.id} number={f.number} targets={targets} /> : null}
                </FindingItem>
              );
            })}
          </div>
        )}
      </Card>

      <Card>
        <CardTitle>Reviews</CardTitle>
        {report.reviews.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Nobody has reviewed this report yet.</p>
        ) : (
          <ul className="space-y-2 text-sm" aria-label="Reviews">
            {report.reviews.map((r) => (
              <li key={r.id}>
                <span className="font-medium">{names[r.reviewerId] ?? "someone"}</span> {reviewLabels[r.verdict] ?? r.verdict}{" "}
                <LocalTime at={r.at} style="date" className="text-xs text-muted" />
                {r.comment ? <div className="mt-1 text-zinc-700 dark:text-zinc-300"><Markdown>{r.comment}</Markdown></div> : null}
              </li>
            ))}
          </ul>
        )}
        {canReview ? (
          <div className="mt-4 border-t border-zinc-100 pt-4 dark:border-zinc-800">
            <ReviewForm reportId={report.id} />
          </div>
        ) : ownReport ? (
          <p className="mt-3 text-xs text-muted">You filed this report; another auditor or steward reviews it.</p>
        ) : null}
      </Card>

      <Card>
        <CardTitle>History</CardTitle>
        <HistorySlice spaceId={space.id} spaceSlug={space.slug} subject={{ reportId: report.id }} limit={50} />
      </Card>
    </div>
  );
}
