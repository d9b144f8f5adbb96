import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadSpacePage } from "../../../load";
import { can } from "@/lib/policy";
import { lineageOptions } from "@/lib/releases/data";
import { isEditable } from "@/lib/releases/lifecycle";
import { viewSpaceRelease } from "@/lib/releases/use-cases/view-space-release";
import { DomainError } from "@/lib/result";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ReleaseForm } from "@/components/releases/release-form";
import { releaseToFormValues } from "@/components/releases/form-values";

export const metadata: Metadata = { title: "Edit release" };

export default async function EditReleasePage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const view = await viewSpaceRelease(actor, slug, id).catch((error: unknown) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  const release = view.release;
  if (!can(actor, "release.edit", { space: { visibility: space.visibility, role }, proposerId: release.createdById }).allow) {
    return <EmptyState title="Only the proposer, owners or stewards edit this release" />;
  }
  const lineage = await lineageOptions(space.id, release.id);
  return (
    <Card>
      <CardTitle>
        Edit {release.modelName} {release.version}
      </CardTitle>
      <ReleaseForm
        spaceSlug={slug}
        releaseId={release.id}
        partsEditable={isEditable(release.status)}
        initial={releaseToFormValues(release)}
        lineage={lineage.map((r) => ({ id: r.id, label: `${r.modelName} ${r.version}` }))}
      />
    </Card>
  );
}
