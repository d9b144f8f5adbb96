import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadSpacePage } from "../../load";
import { releaseOptions } from "@/lib/decisions/use-cases/release-options";
import { DomainError } from "@/lib/result";
import { proposalDetail } from "@/lib/threads/use-cases/proposals";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
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
  const releases = proposal.mayLink ? await releaseOptions(space.id) : [];
  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-2xl font-semibold">{proposal.title}</h2>
          {proposal.decision ? <Badge tone="brand">became a decision</Badge> : <Badge>discussing</Badge>}
        </div>
        <p className="mt-1 text-xs text-muted">
          Started by {proposal.createdBy.name} <LocalTime at={proposal.createdAt} /> ·{" "}
          <Link className="underline" href={`/s/${slug}/proposals`}>
            all proposals
          </Link>
        </p>
        {proposal.decision ? (
          <p className="mt-3 text-sm">
            Put to a vote as{" "}
            <Link className="underline" href={`/s/${slug}/decisions/${proposal.decision.id}`}>
              {proposal.decision.title}
            </Link>{" "}
            <Badge>{proposal.decision.status}</Badge>
          </p>
        ) : null}
        {proposal.release ? (
          <p className="mt-2 text-sm">
            About the release{" "}
            <Link className="underline" href={`/s/${slug}/releases/${proposal.release.id}`}>
              {proposal.release.label}
            </Link>
          </p>
        ) : null}
        {proposal.mayLink ? (
          <div className="mt-4 flex flex-wrap items-end gap-4">
            <Link href={`/s/${slug}/decisions/new?proposal=${proposal.id}`} className={buttonClass()}>
              Turn into a decision
            </Link>
            {releases.length > 0 ? <LinkProposalForm proposalId={proposal.id} releases={releases} current={proposal.release?.id ?? null} /> : null}
          </div>
        ) : null}
      </Card>
      <SubjectThread actor={actor} kind="proposal" id={proposal.id} />
    </div>
  );
}
