import type { Metadata } from "next";
import Link from "next/link";
import { loadSpacePage } from "../../load";
import { getAuditRelease, listReleaseArtifacts, listSpaceReleases } from "@/lib/audits/data";
import { currentCharter } from "@/lib/charter/data";
import { can } from "@/lib/policy";
import { FileReportForm } from "@/components/audits/file-report-form";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "File an audit report" };

export default async function NewAuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ release?: string }> }) {
  const { slug } = await params;
  const { release: releaseId } = await searchParams;
  const { actor, space, role } = await loadSpacePage(slug);
  const { charter } = await currentCharter(space.id);
  const allowed = can(actor, "audit.file", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf }, charter });
  const release = releaseId ? await getAuditRelease(releaseId) : null;

  if (!allowed.allow) {
    return <EmptyState title="You cannot file audit reports here">{allowed.message}</EmptyState>;
  }
  if (!release || release.spaceId !== space.id) {
    const releases = await listSpaceReleases(space.id);
    return (
      <Card>
        <CardTitle>File an audit report</CardTitle>
        {releases.length === 0 ? (
          <EmptyState title="No releases yet">Audit reports are filed on a release; propose one first.</EmptyState>
        ) : (
          <>
            <p className="mb-2 text-sm">Choose the release you audited:</p>
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {releases.map((r) => (
                <li key={r.id}>
                  <Link href={`/s/${slug}/audits/new?release=${r.id}`} className="inline-block py-1 text-brand-700 underline dark:text-brand-500">{r.modelName} {r.version}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    );
  }
  const artifacts = await listReleaseArtifacts(release.id);
  return (
    <Card>
      <CardTitle>File an audit report on {release.modelName} {release.version}</CardTitle>
      {artifacts.length === 0 ? (
        <EmptyState title="This release has no artifacts yet">An audit examines specific files; add artifacts to the release first.</EmptyState>
      ) : (
        <FileReportForm spaceSlug={slug} releaseId={release.id} artifacts={artifacts} />
      )}
    </Card>
  );
}
