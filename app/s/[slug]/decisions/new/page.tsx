import type { Metadata } from "next";
import { loadSpacePage } from "../../load";
import { currentCharter } from "@/lib/charter/data";
import { releaseOptions } from "@/lib/decisions/use-cases/release-options";
import { methodLabels, votingMethods } from "@/lib/decisions/methods/types";
import { can } from "@/lib/policy";
import { Card, CardTitle } from "@/components/ui/card";
import { NotAllowed } from "@/components/spaces/not-allowed";
import { OpenDecisionForm } from "@/components/decisions/open-decision-form";
import { proposalDetail } from "@/lib/threads/use-cases/proposals";

export const metadata: Metadata = { title: "Open a decision" };

export default async function NewDecisionPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ releaseId?: string; proposal?: string }> }) {
  const { slug } = await params;
  const { releaseId, proposal: proposalId } = await searchParams;
  const { actor, space, role } = await loadSpacePage(slug);
  const decision = can(actor, "decision.open", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } });
  if (!decision.allow) {
    return <NotAllowed title="You cannot open a decision here" refusal={decision} callbackPath={`/s/${slug}/decisions/new`} />;
  }
  const [{ charter }, releases, proposal] = await Promise.all([
    currentCharter(space.id),
    releaseOptions(space.id),
    proposalId ? proposalDetail(actor, proposalId).catch(() => null) : null,
  ]);
  // A proposal of another space, or one already decided, prefills nothing.
  const from = proposal && proposal.spaceSlug === slug && !proposal.decision ? { id: proposal.id, title: proposal.title } : undefined;
  const defaults = Object.fromEntries(Object.entries(charter.decisions).map(([kind, rule]) => [kind, { method: rule.method, minHours: rule.minHours, maxHours: rule.maxHours }]));
  return (
    <Card>
      <CardTitle>Open a decision</CardTitle>
      {from ? <p className="mb-4 text-sm text-muted">From the proposal “{from.title}”: the decision links back to it, and its thread stays.</p> : null}
      <OpenDecisionForm
        spaceSlug={slug}
        releases={releases}
        defaults={defaults}
        methods={votingMethods.map((m) => ({ value: m, label: methodLabels[m] }))}
        initialReleaseId={releaseId}
        proposal={from}
      />
    </Card>
  );
}
