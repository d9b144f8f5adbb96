import type { Metadata } from "next";
import Link from "next/link";
import { loadSpacePage } from "../load";
import { spaceProposals } from "@/lib/threads/use-cases/proposals";
import { Card, CardTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ProposalList } from "@/components/proposals/proposal-list";

export const metadata: Metadata = { title: "Proposals" };

export default async function ProposalsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor } = await loadSpacePage(slug);
  const { proposals, mayOpen } = await spaceProposals(actor, slug);
  return (
    <Card>
      <CardTitle action={mayOpen ? <Link href={`/s/${slug}/proposals/new`} className={buttonClass()}>Start a proposal</Link> : null}>Proposals</CardTitle>
      <p className="mb-4 text-sm text-muted">Discuss before you decide: any member starts a proposal; stewards turn it into a decision or link it to a release, and the thread stays.</p>
      {proposals.length === 0 ? (
        <EmptyState title="No proposals yet">{mayOpen ? "Start one to ask the community before anything is put to a vote." : "Members of this space start proposals here."}</EmptyState>
      ) : (
        <ProposalList spaceSlug={slug} proposals={proposals} />
      )}
    </Card>
  );
}
