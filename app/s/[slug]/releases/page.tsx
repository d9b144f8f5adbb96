import type { Metadata } from "next";
import Link from "next/link";
import { loadSpacePage } from "../load";
import { can } from "@/lib/policy";
import { isReleaseStatus, releaseStatuses, statusLabel } from "@/lib/releases/lifecycle";
import { releaseListJson } from "@/lib/releases/present";
import { spaceReleases } from "@/lib/releases/use-cases/space-releases";
import { commentCounts } from "@/lib/threads/data";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ReleaseStatusBadge } from "@/components/releases/status-badge";
import { mofClassLabels } from "@/lib/releases/openness";
import { LocalTime } from "@/components/ui/local-time";
import { ConcernCount } from "@/components/concerns/concern-count";
import { countOpenConcerns } from "@/lib/concerns/use-cases/count-concerns";

export const metadata: Metadata = { title: "Releases" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ status?: string; model?: string; page?: string }> };

// A page of the list at a time: rendering every release of a large space cost most of this page's server time.
const PAGE_SIZE = 50;

export default async function ReleasesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { actor, space, role } = await loadSpacePage(slug);
  const status = isReleaseStatus(query.status) ? query.status : undefined;
  const model = query.model?.trim() || undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? "1", 10) || 1));
  // One more than a page, to know whether an older page exists.
  const { releases: found, models } = await spaceReleases(actor, slug, { status, model, take: PAGE_SIZE + 1, skip: (page - 1) * PAGE_SIZE });
  const releases = found.slice(0, PAGE_SIZE);
  const pageHref = (to: number) => {
    const qs = new URLSearchParams({ ...(status ? { status } : {}), ...(model ? { model } : {}), ...(to > 1 ? { page: String(to) } : {}) }).toString();
    return `/s/${slug}/releases${qs ? `?${qs}` : ""}`;
  };
  const canPropose = can(actor, "release.propose", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } }).allow;
  const rows = releases.map(releaseListJson);
  const comments = await commentCounts(space.id, "release", rows.map((r) => r.id));
  const concerns = await countOpenConcerns("release", rows.map((r) => r.id));

  return (
    <Card>
      <CardTitle action={canPropose ? <Link href={`/s/${slug}/releases/new`} className={buttonClass()}>New release</Link> : null}>Releases</CardTitle>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter releases">
        <div>
          <label htmlFor="filter-status" className="mb-1 block text-sm font-medium">Status</label>
          <select id="filter-status" name="status" defaultValue={status ?? ""} className={`${inputClass} w-40`}>
            <option value="">Any status</option>
            {releaseStatuses.map((s) => (
              <option key={s} value={s}>{statusLabel(s)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-model" className="mb-1 block text-sm font-medium">Model</label>
          <select id="filter-model" name="model" defaultValue={model ?? ""} className={`${inputClass} w-48`}>
            <option value="">Any model</option>
            {models.map((m) => (
              <option key={m} value={m}>{m}</option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>Filter</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={status || model ? "No release matches this filter" : "No releases yet"}>
          {canPropose ? "Propose one: pin its artifacts by digest, license its components, and send it for review." : "Members of this space propose releases here."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Releases">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3 py-3">
              <Link href={`/s/${slug}/releases/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-500">
                {r.modelName} {r.version}
              </Link>
              <ReleaseStatusBadge status={r.status} />
              <ConcernCount count={concerns[r.id]} />
              <span className="text-xs text-muted">{r.mofClass ? mofClassLabels[r.mofClass as 1 | 2 | 3] : "Unclassified"}</span>
              <span className="text-xs text-muted">{r.artifactCount} artifact(s)</span>
              <span className="text-xs text-muted">{comments[r.id] ?? 0} {(comments[r.id] ?? 0) === 1 ? "comment" : "comments"}</span>
              <LocalTime className="ml-auto text-xs text-muted" at={r.createdAt} style="date" />
            </li>
          ))}
        </ul>
      )}
      {page > 1 || found.length > PAGE_SIZE ? (
        <nav aria-label="Pages of releases" className="mt-4 flex gap-4 text-sm">
          {page > 1 ? <Link href={pageHref(page - 1)} className="text-brand-700 underline underline-offset-2 dark:text-brand-500">Newer releases</Link> : null}
          {found.length > PAGE_SIZE ? <Link href={pageHref(page + 1)} className="text-brand-700 underline underline-offset-2 dark:text-brand-500">Older releases</Link> : null}
        </nav>
      ) : null}
    </Card>
  );
}
