import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadSpacePage } from "../../load";
import { releaseOptions } from "@/lib/decisions/use-cases/release-options";
import { DomainError } from "@/lib/result";
import { proposalDetail } from "@/lib/threads/use-cases/proposals";
import { ProposalHeader } from "@/components/proposals/proposal-header";
import { LinkProposalForm } from "@/components/proposals/link-proposal-form";
import { SubjectThread } from "@/components/threads/subject-thread";

export const metadata: Metadata = { title: "Proposal" };

export default async function ProposalPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, space } = await loadSpacePage(slug);
  const proposal = await proposalDetail(actor, id).catch((error) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  if (proposal.spaceSlug !== slug) notFound();
  const { spaceSlug: _slug, mayLink: _may, ...summary } = proposal;
  const releases = proposal.mayLink ? await releaseOptions(space.id) : [];
  return (
    <div className="space-y-6">
      <ProposalHeader
        initial={summary}
        slug={slug}
        mayLink={proposal.mayLink}
        linkForm={releases.length > 0 ? <LinkProposalForm proposalId={proposal.id} releases={releases} current={proposal.release?.id ?? null} /> : null}
      />
      <SubjectThread actor={actor} kind="proposal" id={proposal.id} />
    </div>
  );
}
