// The decisions about one release, closing any that are past their deadline first.
import "server-only";
import { listReleaseDecisions } from "@/lib/decisions/data";
import { withBallotCounts, type DecisionSummary } from "@/lib/decisions/use-cases/decision-summaries";
import { settleIfDue } from "@/lib/decisions/use-cases/settle-if-due";

export async function releaseDecisions(releaseId: string, now = new Date()): Promise<DecisionSummary[]> {
  let rows = await listReleaseDecisions(releaseId);
  let settled = false;
  for (const row of rows) settled = (await settleIfDue(row, now)) || settled;
  if (settled) rows = await listReleaseDecisions(releaseId);
  return withBallotCounts(rows);
}
