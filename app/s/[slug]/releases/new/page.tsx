import type { Metadata } from "next";
import { loadSpacePage } from "../../load";
import { can } from "@/lib/policy";
import { lineageOptions } from "@/lib/releases/data";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ReleaseForm } from "@/components/releases/release-form";
import { emptyValues } from "@/components/releases/form-state";

export const metadata: Metadata = { title: "New release" };

export default async function NewReleasePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  if (!can(actor, "release.propose", { space: { visibility: space.visibility, role } }).allow) {
    return <EmptyState title="Only members propose releases">{actor ? "Ask to join this space first." : "Sign in, and join this space, to propose a release."}</EmptyState>;
  }
  const lineage = await lineageOptions(space.id);
  return (
    <Card>
      <CardTitle>Propose a release</CardTitle>
      <ReleaseForm spaceSlug={slug} initial={emptyValues()} lineage={lineage.map((r) => ({ id: r.id, label: `${r.modelName} ${r.version}` }))} />
    </Card>
  );
}
