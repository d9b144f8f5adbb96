// Schulze method: pairwise preferences, strongest (widest) paths, winner unbeaten on paths.
import { countBallots, joinWords, labelOf, resolveOptionIds } from "@/lib/decisions/methods/shared";
import type { MethodInput, MethodOutcome, RankingChoice } from "@/lib/decisions/methods/types";

type Matrix = number[][];

/**
 * d[a][b] = ballots preferring option a over option b. Ranked options beat unranked ones;
 * unranked options are tied among themselves, so an empty ranking prefers nothing.
 */
export function buildPairwise(optionIds: readonly string[], rankings: readonly RankingChoice[]): Matrix {
  const size = optionIds.length;
  const d: Matrix = optionIds.map(() => optionIds.map(() => 0));
  for (const ranking of rankings) {
    const position = optionIds.map((id) => {
      const index = ranking.indexOf(id);
      return index === -1 ? Number.POSITIVE_INFINITY : index;
    });
    for (let a = 0; a < size; a += 1) {
      const row = d[a];
      const positionA = position[a] ?? Number.POSITIVE_INFINITY;
      if (!row || positionA === Number.POSITIVE_INFINITY) continue;
      for (let b = 0; b < size; b += 1) {
        if (positionA < (position[b] ?? Number.POSITIVE_INFINITY)) row[b] = (row[b] ?? 0) + 1;
      }
    }
  }
  return d;
}

const at = (matrix: Matrix, a: number, b: number): number => matrix[a]?.[b] ?? 0;

/** Strength of the strongest path between every pair (Floyd–Warshall over widest paths). */
export function strongestPaths(d: Matrix): Matrix {
  const size = d.length;
  const p: Matrix = d.map((row, a) => row.map((value, b) => (a !== b && value > at(d, b, a) ? value : 0)));
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j < size; j += 1) {
      if (i === j) continue;
      const row = p[j];
      if (!row) continue;
      for (let k = 0; k < size; k += 1) {
        if (k === i || k === j) continue;
        row[k] = Math.max(row[k] ?? 0, Math.min(at(p, j, i), at(p, i, k)));
      }
    }
  }
  return p;
}

/** Indexes of the options that no other option beats on strongest paths, in option order. */
export function schulzeWinners(p: Matrix): number[] {
  return p.map((_, a) => a).filter((a) => p.every((_, b) => a === b || at(p, a, b) >= at(p, b, a)));
}

/** Every binding ranking counts; among several Schulze winners the one listed first in the option order wins. */
export function tallySchulze({ params, ballots }: MethodInput<RankingChoice>): MethodOutcome {
  const optionIds = resolveOptionIds(
    params,
    ballots.map((ballot) => ballot.choice),
  );
  const { counts, advisoryCounts } = countBallots(ballots, optionIds, (choice) => choice.slice(0, 1));
  const rankings = ballots.filter((ballot) => ballot.binding).map((ballot) => ballot.choice);
  const d = buildPairwise(optionIds, rankings);
  const pairwise = Object.fromEntries(
    optionIds.map((a, i) => [a, Object.fromEntries(optionIds.flatMap((b, j) => (i === j ? [] : [[b, at(d, i, j)]])))]),
  );
  if (!rankings.some((ranking) => ranking.length > 0)) {
    return { status: "failed", explanation: "Failed: no binding ballot ranked any option.", counts, advisoryCounts, pairwise };
  }
  const winners = schulzeWinners(strongestPaths(d)).map((index) => optionIds[index] ?? "");
  const winner = winners[0] ?? "";
  const explanation =
    winners.length === 1
      ? `Passed: ${labelOf(params, winner)} is the Schulze winner; no other option beats it on strongest paths.`
      : `Passed: ${joinWords(winners.map((id) => labelOf(params, id)))} are tied Schulze winners; the tie was broken by option order in favour of ${labelOf(params, winner)}.`;
  return { status: "passed", winner, explanation, counts, advisoryCounts, pairwise };
}
