import type { Metadata } from "next";
import { loadSpacePage } from "../../load";
import { can } from "@/lib/policy";
import { lineageOptions } from "@/lib/releases/data";
import { Card, CardTitle } from "@/components/ui/card";
import { NotAllowed } from "@/components/spaces/not-allowed";
import { ReleaseForm } from "@/components/releases/release-form";
import { emptyValues } from "@/components/releases/form-state";

export const metadata: Metadata = { title: "New release" };

export default async function NewReleasePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const decision = can(actor, "release.propose", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } });
  if (!decision.allow) {
    return <NotAllowed title="Only members propose releases" refusal={decision} callbackPath={`/s/${slug}/releases/new`} />;
  }
  const lineage = await lineageOptions(space.id);
  return (
    <Card>
      <CardTitle>Propose a release</CardTitle>
      <ReleaseForm spaceSlug={slug} initial={emptyValues()} lineage={lineage.map((r) => ({ id: r.id, label: `${r.modelName} ${r.version}` }))} />
    </Card>
  );
}
