// Decisions about one release (approval votes, licensing, deployment approvals), for the release page.
import Link from "next/link";
import { releaseDecisions } from "@/lib/decisions/use-cases/release-decisions";
import { Card, CardTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { DecisionList } from "@/components/decisions/decision-list";

export async function ReleaseDecisions({ releaseId, spaceSlug, canOpen }: { releaseId: string; spaceSlug: string; canOpen: boolean }) {
  const decisions = await releaseDecisions(releaseId);
  const deployments = decisions.filter((d) => d.kind === "deployment" && d.outcome?.status === "passed");
  return (
    <Card>
      <CardTitle action={canOpen ? <Link href={`/s/${spaceSlug}/decisions/new?releaseId=${releaseId}`} className={buttonClass("secondary")}>Open a decision</Link> : null}>
        Decisions about this release
      </CardTitle>
      {deployments.length ? (
        <p className="mb-3 text-sm text-zinc-700 dark:text-zinc-300" data-testid="approved-deployments">
          Approved deployments: {deployments.map((d) => d.title).join("; ")}
        </p>
      ) : null}
      <DecisionList spaceSlug={spaceSlug} decisions={decisions} emptyTitle="No decisions about this release yet" />
    </Card>
  );
}
