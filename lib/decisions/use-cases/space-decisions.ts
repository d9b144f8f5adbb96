// A space's decisions, closing any that are past their deadline first; or only its open ones, closing soonest first
// (the overview shows a few: reading all of them and their ballot counts for that cost most of its render).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getDecision, listDueDecisionIds, listSpaceDecisions } from "@/lib/decisions/data";
import { withBallotCounts } from "@/lib/decisions/use-cases/decision-summaries";
import { settleIfDue } from "@/lib/decisions/use-cases/settle-if-due";
import { requireSpace } from "@/lib/spaces/access";

export async function spaceDecisions(actor: Actor | null, spaceSlug: string, { now = new Date(), open }: { now?: Date; open?: { take: number } } = {}) {
  const access = await requireSpace(actor, spaceSlug, "decision.view");
  const due = await listDueDecisionIds(access.space.id, now);
  for (const id of due) {
    const row = await getDecision(id);
    if (row) await settleIfDue(row, now);
  }
  const rows = await listSpaceDecisions(access.space.id, open ? { open: true, take: open.take } : {});
  return { access, decisions: await withBallotCounts(rows) };
}
