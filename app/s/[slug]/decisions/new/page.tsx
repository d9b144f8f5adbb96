import type { Metadata } from "next";
import { loadSpacePage } from "../../load";
import { currentCharter } from "@/lib/charter/data";
import { releaseOptions } from "@/lib/decisions/use-cases/release-options";
import { methodLabels, votingMethods } from "@/lib/decisions/methods/types";
import { can } from "@/lib/policy";
import { Card, CardTitle } from "@/components/ui/card";
import { NotAllowed } from "@/components/spaces/not-allowed";
import { OpenDecisionForm } from "@/components/decisions/open-decision-form";

export const metadata: Metadata = { title: "Open a decision" };

export default async function NewDecisionPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ releaseId?: string }> }) {
  const { slug } = await params;
  const { releaseId } = await searchParams;
  const { actor, space, role } = await loadSpacePage(slug);
  const decision = can(actor, "decision.open", { space: { visibility: space.visibility, role } });
  if (!decision.allow) {
    return <NotAllowed title="You cannot open a decision here" refusal={decision} callbackPath={`/s/${slug}/decisions/new`} />;
  }
  const [{ charter }, releases] = await Promise.all([currentCharter(space.id), releaseOptions(space.id)]);
  const defaults = Object.fromEntries(Object.entries(charter.decisions).map(([kind, rule]) => [kind, { method: rule.method, minHours: rule.minHours, maxHours: rule.maxHours }]));
  return (
    <Card>
      <CardTitle>Open a decision</CardTitle>
      <OpenDecisionForm
        spaceSlug={slug}
        releases={releases}
        defaults={defaults}
        methods={votingMethods.map((m) => ({ value: m, label: methodLabels[m] }))}
        initialReleaseId={releaseId}
      />
    </Card>
  );
}
