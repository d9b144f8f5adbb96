// One decision as its page and the API show it, closed first if its deadline has passed.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { charterAtVersion } from "@/lib/charter/data";
import { eligibleMap, voterOnList } from "@/lib/charter/eligible-voter";
import { decisionConcernBlock } from "@/lib/concerns/data";
import { listBallots, releaseLabels, type DecisionRow } from "@/lib/decisions/data";
import { loadDecision } from "@/lib/decisions/use-cases/load-decision";
import type { Voter } from "@/lib/decisions/methods/types";
import { buildDecisionView, type DecisionView } from "@/lib/decisions/view";
import { mappedPeopleOf } from "@/lib/members/data";
import { userNames } from "@/lib/users/data";

async function viewOf(row: DecisionRow, viewerId: string | null): Promise<DecisionView> {
  const ballots = await listBallots(row.id);
  const voters = (row.eligibility ?? []) as Array<{ userId: string }>;
  const [names, releases, charter] = await Promise.all([
    userNames([row.createdById, ...voters.map((v) => v.userId), ...ballots.map((b) => b.voterId)]),
    row.releaseId ? releaseLabels([row.releaseId]) : Promise.resolve({} as Record<string, { label: string; status: string }>),
    row.status === "open" ? charterAtVersion(row.spaceId, row.charterVersion) : null,
  ]);
  return buildDecisionView({
    decision: { ...row, spaceSlug: row.space.slug },
    ballots,
    names,
    release: row.releaseId ? (releases[row.releaseId] ?? null) : null,
    viewerId,
    charterAllowsEarlyClose: charter?.decisions[row.kind as keyof typeof charter.decisions]?.earlyClose ?? false,
    concerns: row.status === "open" ? await decisionConcernBlock({ id: row.id, spaceId: row.spaceId, kind: row.kind, charterVersion: row.charterVersion, releaseId: row.releaseId }) : undefined,
  });
}

export async function decisionDetail(actor: Actor | null, decisionId: string, now = new Date()): Promise<DecisionView> {
  const { row } = await loadDecision(actor, decisionId, "decision.view", now);
  return viewOf(row, actor ? await listedAs(row, actor.id) : null);
}

/** Whose entry and ballot are the viewer's: their own, or those of the person of the origin mapped to them. */
async function listedAs(row: DecisionRow, userId: string): Promise<string> {
  const eligible = eligibleMap((row.eligibility ?? []) as Voter[]);
  if (eligible.has(userId)) return userId;
  const onList = voterOnList({ userId, standsFor: await mappedPeopleOf(row.spaceId, userId), eligible });
  return onList.ok ? onList.voterId : userId;
}
