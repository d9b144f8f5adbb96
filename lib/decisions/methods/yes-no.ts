// Yes / no voting: the share of binding yes among binding yes + no must reach the threshold.
import { countBallots, formatShare, plural } from "@/lib/decisions/methods/shared";
import type { MethodInput, MethodOutcome, YesNoChoice } from "@/lib/decisions/methods/types";

export const defaultThreshold = 0.5;

// Inclusive thresholds compare with a little slack so 2 of 3 meets a threshold of 0.6667 written as 2/3.
const EPSILON = 1e-9;

/** Exactly 0.5 is a simple majority (strictly more than half); any other threshold is inclusive. */
export function meetsThreshold({ yes, no, threshold }: { yes: number; no: number; threshold: number }): boolean {
  if (yes + no === 0) return false;
  const share = yes / (yes + no);
  return threshold === 0.5 ? share > threshold : share >= threshold - EPSILON;
}

export function describeThreshold(threshold: number): string {
  return threshold === 0.5 ? "more than half" : `at least ${formatShare(threshold)}`;
}

export function tallyYesNo({ params, ballots }: MethodInput<YesNoChoice>): MethodOutcome {
  const { counts, advisoryCounts } = countBallots(ballots, ["yes", "no", "abstain"], (choice) => [choice]);
  const yes = counts.yes ?? 0;
  const no = counts.no ?? 0;
  const abstain = counts.abstain ?? 0;
  if (yes + no === 0) {
    return {
      status: "failed",
      explanation:
        abstain === 0
          ? "Failed: no yes or no votes were cast by binding voters."
          : `Failed: no yes or no votes, only ${plural(abstain, "binding abstention")}.`,
      counts,
      advisoryCounts,
    };
  }
  const threshold = params.threshold ?? defaultThreshold;
  const passed = meetsThreshold({ yes, no, threshold });
  return {
    status: passed ? "passed" : "failed",
    explanation: `${passed ? "Passed" : "Failed"}: ${yes} yes, ${no} no and ${abstain} abstain among binding votes; ${describeThreshold(threshold)} of yes + no must be yes.`,
    counts,
    advisoryCounts,
  };
}
