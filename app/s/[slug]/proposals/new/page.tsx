import type { Metadata } from "next";
import { loadSpacePage } from "../../load";
import { can } from "@/lib/policy";
import { Card, CardTitle } from "@/components/ui/card";
import { NotAllowed } from "@/components/spaces/not-allowed";
import { OpenProposalForm } from "@/components/proposals/open-proposal-form";

export const metadata: Metadata = { title: "Start a proposal" };

export default async function NewProposalPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const allowed = can(actor, "proposal.open", { space: { visibility: space.visibility, role, mirrorOf: space.mirrorOf } });
  if (!allowed.allow) return <NotAllowed title="You cannot start a proposal here" refusal={allowed} callbackPath={`/s/${slug}/proposals/new`} />;
  return (
    <Card>
      <CardTitle>Start a proposal</CardTitle>
      <OpenProposalForm spaceSlug={slug} />
    </Card>
  );
}
