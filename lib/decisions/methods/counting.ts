// Single-round counting methods: plurality (one option per ballot) and approval (any set of options).
import { countBallots, joinWords, labelOf, plural, resolveOptionIds } from "@/lib/decisions/methods/shared";
import type { ApprovalChoice, MethodInput, MethodOutcome, MethodParams, OptionChoice } from "@/lib/decisions/methods/types";

/**
 * The option with the highest binding count wins. A tie goes to the tied option listed first
 * in params.options (the ballot-derived order when there are no options).
 */
function decideByCount({
  params,
  optionIds,
  counts,
  advisoryCounts,
  unit,
  describeWin,
}: {
  params: MethodParams;
  optionIds: readonly string[];
  counts: Record<string, number>;
  advisoryCounts: Record<string, number>;
  unit: string;
  describeWin: (count: number) => string;
}): MethodOutcome {
  const top = Math.max(0, ...optionIds.map((id) => counts[id] ?? 0));
  const leaders = optionIds.filter((id) => (counts[id] ?? 0) === top);
  const winner = leaders[0];
  if (top === 0 || winner === undefined) {
    return { status: "failed", explanation: `Failed: no binding ${unit}s were cast for any option.`, counts, advisoryCounts };
  }
  const explanation =
    leaders.length === 1
      ? `Passed: ${labelOf(params, winner)} won with ${describeWin(top)}.`
      : `Passed: ${joinWords(leaders.map((id) => labelOf(params, id)))} tied with ${plural(top, `binding ${unit}`)} each; the tie was broken by option order in favour of ${labelOf(params, winner)}.`;
  return { status: "passed", winner, explanation, counts, advisoryCounts };
}

export function tallyPlurality({ params, ballots }: MethodInput<OptionChoice>): MethodOutcome {
  const optionIds = resolveOptionIds(
    params,
    ballots.map((ballot) => ballot.choice),
  );
  const { counts, advisoryCounts } = countBallots(ballots, optionIds, (choice) => [choice]);
  const binding = ballots.filter((ballot) => ballot.binding).length;
  return decideByCount({ params, optionIds, counts, advisoryCounts, unit: "vote", describeWin: (top) => `${top} of ${plural(binding, "binding vote")}` });
}

/** Each ballot approves any number of options (none abstains); the most-approved option wins. */
export function tallyApproval({ params, ballots }: MethodInput<ApprovalChoice>): MethodOutcome {
  const optionIds = resolveOptionIds(
    params,
    ballots.map((ballot) => ballot.choice),
  );
  const { counts, advisoryCounts } = countBallots(ballots, optionIds, (choice) => choice);
  const binding = ballots.filter((ballot) => ballot.binding).length;
  return decideByCount({
    params,
    optionIds,
    counts,
    advisoryCounts,
    unit: "approval",
    describeWin: (top) => `${plural(top, "binding approval")} from ${plural(binding, "binding voter")}`,
  });
}
