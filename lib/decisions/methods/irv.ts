// Instant-runoff voting: eliminate the weakest option round by round until one has a majority.
import { countBallots, joinWords, labelOf, plural, resolveOptionIds, zeroCounts } from "@/lib/decisions/methods/shared";
import type { MethodInput, MethodOutcome, RankingChoice } from "@/lib/decisions/methods/types";

type Elimination = { optionId: string; brokenBy: "earlier rounds" | "option order" | null };

/**
 * The continuing option with the fewest votes this round is eliminated. Ties go back through
 * earlier rounds, latest first, eliminating whoever had fewer votes there; if still tied, the
 * tied option listed LAST in the option order is eliminated (earlier options are favoured, as
 * in every other tie-break).
 */
export function pickElimination({
  rounds,
  optionIds,
}: {
  rounds: readonly Record<string, number>[];
  optionIds: readonly string[];
}): Elimination {
  const current = rounds[rounds.length - 1] ?? {};
  const continuing = optionIds.filter((id) => id in current);
  const fewestIn = (round: Record<string, number>, ids: readonly string[]) => {
    const low = Math.min(...ids.map((id) => round[id] ?? 0));
    return ids.filter((id) => (round[id] ?? 0) === low);
  };
  let tied = fewestIn(current, continuing);
  if (tied.length === 1) return { optionId: tied[0] ?? "", brokenBy: null };
  for (let index = rounds.length - 2; index >= 0 && tied.length > 1; index -= 1) {
    tied = fewestIn(rounds[index] ?? {}, tied);
  }
  if (tied.length === 1) return { optionId: tied[0] ?? "", brokenBy: "earlier rounds" };
  return { optionId: tied[tied.length - 1] ?? "", brokenBy: "option order" };
}

/**
 * Each round counts every binding ballot for its highest-ranked continuing option; ballots with
 * no continuing option are exhausted and dropped. An option with more than half of the
 * continuing ballots wins. Rounds record the counts of the options still continuing.
 */
export function tallyIrv({ params, ballots }: MethodInput<RankingChoice>): MethodOutcome {
  const optionIds = resolveOptionIds(
    params,
    ballots.map((ballot) => ballot.choice),
  );
  const { counts, advisoryCounts } = countBallots(ballots, optionIds, (choice) => choice.slice(0, 1));
  const rankings = ballots.filter((ballot) => ballot.binding).map((ballot) => ballot.choice);
  const continuing = new Set(optionIds);
  const rounds: Array<Record<string, number>> = [];
  const tieNotes: string[] = [];

  while (continuing.size > 0) {
    const round = zeroCounts(optionIds.filter((id) => continuing.has(id)));
    let total = 0;
    for (const ranking of rankings) {
      const top = ranking.find((id) => continuing.has(id));
      if (top === undefined) continue;
      round[top] = (round[top] ?? 0) + 1;
      total += 1;
    }
    rounds.push(round);
    if (total === 0) break;
    const winner = optionIds.find((id) => (round[id] ?? 0) * 2 > total);
    if (winner !== undefined) {
      const ties =
        tieNotes.length === 0
          ? ""
          : `; elimination ${tieNotes.length === 1 ? "tie" : "ties"} broken in ${joinWords(tieNotes)}`;
      return {
        status: "passed",
        winner,
        explanation: `Passed: ${labelOf(params, winner)} won in round ${rounds.length} with ${round[winner] ?? 0} of ${plural(total, "continuing binding ballot")}${ties}.`,
        counts,
        advisoryCounts,
        rounds,
      };
    }
    const elimination = pickElimination({ rounds, optionIds });
    if (elimination.brokenBy) tieNotes.push(`round ${rounds.length} by ${elimination.brokenBy}`);
    continuing.delete(elimination.optionId);
  }
  return {
    status: "failed",
    explanation: "Failed: no binding ballot ranked any option.",
    counts,
    advisoryCounts,
    rounds,
  };
}
