import type { Metadata } from "next";
import Link from "next/link";
import { loadSpacePage } from "../load";
import { spaceDecisions } from "@/lib/decisions/use-cases/space-decisions";
import { can } from "@/lib/policy";
import { Card, CardTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { DecisionList } from "@/components/decisions/decision-list";

export const metadata: Metadata = { title: "Decisions" };

export default async function DecisionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, space, role } = await loadSpacePage(slug);
  const { decisions } = await spaceDecisions(actor, slug);
  const canOpen = can(actor, "decision.open", { space: { visibility: space.visibility, role } }).allow;
  const open = decisions.filter((d) => d.status === "open");
  const done = decisions.filter((d) => d.status !== "open");
  return (
    <div className="space-y-6">
      <Card>
        <CardTitle action={canOpen ? <Link href={`/s/${slug}/decisions/new`} className={buttonClass()}>Open a decision</Link> : null}>Open decisions</CardTitle>
        <DecisionList spaceSlug={slug} decisions={open} emptyTitle="No open decisions" />
      </Card>
      <Card>
        <CardTitle>Closed decisions</CardTitle>
        <DecisionList spaceSlug={slug} decisions={done} emptyTitle="No closed decisions yet" />
      </Card>
    </div>
  );
}
