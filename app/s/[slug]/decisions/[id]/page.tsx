import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadSpacePage } from "../../load";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { receiptPosition } from "@/lib/decisions/use-cases/receipt-position";
import { can } from "@/lib/policy";
import { DomainError } from "@/lib/result";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Markdown } from "@/components/ui/markdown";
import { DecisionLive } from "@/components/decisions/decision-live";
import { HistorySlice } from "@/components/record/history-slice";
import { Card, CardTitle } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Decision" };

export default async function DecisionPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const decision = await decisionDetail(actor, id).catch((error) => {
    if (error instanceof DomainError && error.kind === "not_found") notFound();
    throw error;
  });
  if (decision.spaceSlug !== slug) notFound();
  const resource = { space: { visibility: space.visibility, role } };
  const position = decision.you?.receipt ? await receiptPosition(decision.you.receipt) : null;
  const canVote = can(actor, "ballot.cast", resource).allow;
  const votesHere = decision.status === "open" && canVote && Boolean(decision.you?.eligible);
  const subject = decision.subject as { target?: string; conditions?: string; license?: string; component?: string | null; changes?: string[] };
  return (
    <div className="space-y-6">
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-2xl font-semibold">{decision.title}</h2>
          <Badge>{decision.kind}</Badge>
          <Badge tone="info">{decision.methodLabel}</Badge>
          {votesHere ? (
            // The first stop in the page's tab order: straight to the ballot, past the question and its links.
            <a href="#ballot" className={buttonClass("primary", "ml-auto")}>
              {decision.you?.choice ? "Change your ballot" : "Vote"}
            </a>
          ) : null}
        </div>
        <p className="mt-1 text-xs text-muted">
          Opened by {decision.createdBy.name} <LocalTime at={decision.opensAt} /> · closes <LocalTime at={decision.closesAt} /> · charter version {decision.charterVersion} ·{" "}
          <Link className="underline" href={`/s/${slug}/decisions`}>
            all decisions
          </Link>
        </p>
        {decision.release ? (
          <p className="mt-2 text-sm">
            About the release{" "}
            <Link className="underline" href={`/s/${slug}/releases/${decision.release.id}`}>
              {decision.release.label}
            </Link>{" "}
            <Badge>{decision.release.status.replace("_", " ")}</Badge>
          </p>
        ) : null}
        {subject.target ? <p className="mt-2 text-sm">Deployment target: {subject.target}</p> : null}
        {subject.license ? <p className="mt-2 text-sm">Proposed license: {subject.license}{subject.component ? ` for ${subject.component}` : ""}</p> : null}
        {subject.changes?.length ? (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {subject.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        ) : null}
        {decision.question ? (
          <div className="mt-4">
            <Markdown>{decision.question}</Markdown>
          </div>
        ) : null}
        {subject.conditions ? (
          <div className="mt-4">
            <h3 className="text-sm font-semibold">Conditions</h3>
            <Markdown>{subject.conditions}</Markdown>
          </div>
        ) : null}
        {decision.options.length ? (
          <ol className="mt-4 list-decimal pl-5 text-sm" aria-label="Options">
            {decision.options.map((o) => (
              <li key={o.id}>
                {o.label} <span className="font-mono text-xs text-muted">({o.id})</span>
              </li>
            ))}
          </ol>
        ) : null}
      </Card>
      <DecisionLive
        initial={decision}
        canVote={canVote}
        canClose={can(actor, "decision.close", resource).allow}
        canCancel={can(actor, "decision.cancel", resource).allow}
        receiptPosition={position}
      />
      <Card>
        <CardTitle>History of this decision</CardTitle>
        <HistorySlice spaceId={space.id} spaceSlug={slug} subject={{ decisionId: decision.id }} limit={50} />
      </Card>
    </div>
  );
}
