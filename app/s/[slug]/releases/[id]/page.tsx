import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadSpacePage } from "../../load";
import { can } from "@/lib/policy";
import { isEditable, statusLabel } from "@/lib/releases/lifecycle";
import { releasePageData } from "@/lib/releases/page-data";
import { DomainError } from "@/lib/result";
import { Card, CardTitle } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { buttonClass } from "@/components/ui/button";
import { ReleaseStatusBadge } from "@/components/releases/status-badge";
import { MofClassBadge, OpennessPanel } from "@/components/releases/openness-panel";
import { ArtifactTable, RegistryLinks } from "@/components/releases/release-parts";
import { VersionDiff } from "@/components/releases/version-diff";
import { LifecycleButtons } from "@/components/releases/lifecycle-buttons";
import { ReleaseAudits } from "@/components/audits/release-audits";
import { ReleaseDecisions } from "@/components/decisions/release-decisions";
import { ConcernsPanel } from "@/components/concerns/concerns-panel";
import { listSubjectConcerns } from "@/lib/concerns/use-cases/list-concerns";
import { HistorySlice } from "@/components/record/history-slice";
import { SubjectThread } from "@/components/threads/subject-thread";
import { LocalTime } from "@/components/ui/local-time";

type Props = { params: Promise<{ slug: string; id: string }> };

async function load(slug: string, id: string) {
  const { actor } = await loadSpacePage(slug);
  try {
    return { actor, ...(await releasePageData(actor, slug, id)) };
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, id } = await params;
  const { release } = await load(slug, id);
  return { title: `${release.modelName} ${release.version}` };
}

export default async function ReleasePage({ params }: Props) {
  const { slug, id } = await params;
  const { actor, access, release, previous, diff, openness, inputs, transitions, withdrawal } = await load(slug, id);
  const resource = { space: { visibility: access.space.visibility, role: access.role, mirrorOf: access.space.mirrorOf } };
  const concerns = await listSubjectConcerns(actor, { on: "release", subjectId: release.id, spaceSlug: slug });
  const canEdit =
    can(actor, "release.edit", { ...resource, proposerId: release.createdById }).allow &&
    !["published", "deprecated", "yanked", "withdrawn"].includes(release.status);

  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-2xl font-semibold">
            {release.modelName} {release.version}
          </h2>
          <ReleaseStatusBadge status={release.status} />
          <MofClassBadge result={openness} />
          <div className="ml-auto flex gap-2">
            <a href={`/api/v1/releases/${release.id}/manifest`} className={buttonClass("secondary")}>
              Manifest (JSON)
            </a>
            {canEdit ? (
              <Link href={`/s/${slug}/releases/${release.id}/edit`} className={buttonClass("secondary")}>
                Edit
              </Link>
            ) : null}
          </div>
        </div>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {previous ? (
            <>
              Follows{" "}
              <Link className="underline" href={`/s/${slug}/releases/${previous.id}`}>
                {previous.modelName} {previous.version}
              </Link>
            </>
          ) : release.baseModelRef ? (
            <>Based on <code className="font-mono text-xs">{release.baseModelRef}</code></>
          ) : (
            "First release of this model"
          )}
          {release.votingOpenedAt ? <> · vote opened <LocalTime at={release.votingOpenedAt} style="date" /></> : null}
          {release.publishedAt ? <> · published <LocalTime at={release.publishedAt} style="date" /></> : null}
        </p>
        {withdrawal ? (
          <p data-testid="withdrawal" className="mt-3 rounded-md bg-zinc-100 p-2 text-sm text-zinc-800 dark:bg-zinc-800 dark:text-zinc-100">
            Withdrawn by {withdrawal.by} on <LocalTime at={withdrawal.at} style="date" />
            {withdrawal.reason ? `: ${withdrawal.reason}` : "."}
          </p>
        ) : null}
        <div className="mt-4 space-y-2">
          <LifecycleButtons releaseId={release.id} allowed={transitions} />
          {release.status === "in_review" ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Voting starts when a steward opens a release decision for it on the{" "}
              <Link className="underline" href={`/s/${slug}/decisions`}>decisions page</Link>; the audit gate must be clear.
            </p>
          ) : null}
          {!isEditable(release.status) && release.votedDigests.length > 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Artifacts are frozen at the {release.votedDigests.length} digest(s) the vote opened on.</p>
          ) : null}
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardTitle>Summary</CardTitle>
          {release.summary ? <Markdown>{release.summary}</Markdown> : <p className="text-sm text-muted">No summary.</p>}
        </Card>
        <Card>
          <CardTitle>Changelog</CardTitle>
          {release.changelog ? <Markdown>{release.changelog}</Markdown> : <p className="text-sm text-muted">No changelog.</p>}
        </Card>
      </div>

      <Card>
        <CardTitle>Artifacts</CardTitle>
        <ArtifactTable artifacts={release.artifacts} />
      </Card>

      <Card>
        <CardTitle>Openness and licenses</CardTitle>
        <OpennessPanel result={openness} inputs={inputs} />
      </Card>

      <Card>
        <CardTitle>Registry links</CardTitle>
        <RegistryLinks links={release.links} />
        {release.links.some((l) => !l.pinned) && release.status !== "published" ? (
          <p className="mt-2 text-sm text-amber-800 dark:text-amber-200">Publishing needs every link pinned to a commit or digest.</p>
        ) : null}
      </Card>

      {diff ? (
        <Card>
          <CardTitle>Changes since {diff.from}</CardTitle>
          <VersionDiff diff={diff} />
        </Card>
      ) : null}

      <ConcernsPanel initial={concerns} signedIn={Boolean(actor)} callbackPath={`/s/${slug}/releases/${release.id}`} />
      <ReleaseAudits releaseId={release.id} spaceSlug={access.space.slug} />
      <ReleaseDecisions releaseId={release.id} spaceSlug={access.space.slug} canOpen={can(actor, "decision.open", resource).allow} />
      <SubjectThread actor={actor} kind="release" id={release.id} />
      <Card>
        <CardTitle>History of this release</CardTitle>
        <HistorySlice spaceId={access.space.id} spaceSlug={access.space.slug} subject={{ releaseId: release.id }} />
      </Card>
      <p className="sr-only">Status: {statusLabel(release.status)}</p>
    </div>
  );
}
