"use client";
// A proposal's header: what it became (a decision and its status, a release) and its comment count, kept current
// from GET /api/v1/proposals/{id} (TanStack Query) like the live tally, so a steward turning it into a decision in
// another browser shows here without a reload.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { ProposalSummary } from "@/lib/threads/use-cases/proposals";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";

async function fetchProposal(id: string): Promise<ProposalSummary> {
  const response = await fetch(`/api/v1/proposals/${encodeURIComponent(id)}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET proposal ${id}: ${response.status}`);
  return (await response.json()) as ProposalSummary;
}

// Once its decision has closed, nothing in the header changes but the count, which the thread shows live anyway.
const settled = (p: ProposalSummary | undefined) => Boolean(p?.decision && p.decision.status !== "open");

type Props = { initial: ProposalSummary; slug: string; mayLink: boolean; linkForm: ReactNode };

export function ProposalHeader({ initial, slug, mayLink, linkForm }: Props) {
  const { data } = useQuery({
    queryKey: ["proposal", initial.id],
    queryFn: () => fetchProposal(initial.id),
    initialData: initial,
    refetchInterval: (query) => (settled(query.state.data) ? false : 5000),
  });
  const proposal = data ?? initial;
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-2xl font-semibold">{proposal.title}</h2>
        <span aria-live="polite">{proposal.decision ? <Badge tone="brand">became a decision</Badge> : <Badge>discussing</Badge>}</span>
      </div>
      <p className="mt-1 text-xs text-muted">
        Started by {proposal.createdBy.name} <LocalTime at={proposal.createdAt} /> · <span data-testid="proposal-comments">{proposal.comments} {proposal.comments === 1 ? "comment" : "comments"}</span> ·{" "}
        <Link className="underline" href={`/s/${slug}/proposals`}>
          all proposals
        </Link>
      </p>
      <div aria-live="polite">
        {proposal.decision ? (
          <p className="mt-3 text-sm" data-testid="proposal-decision">
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
      </div>
      {/* A proposal that became a decision is no longer turned into one or relinked (the server refuses it too). */}
      {mayLink && !proposal.decision ? (
        <div className="mt-4 flex flex-wrap items-end gap-4">
          <Link href={`/s/${slug}/decisions/new?proposal=${proposal.id}`} className={buttonClass()}>
            Turn into a decision
          </Link>
          {linkForm}
        </div>
      ) : null}
    </Card>
  );
}
