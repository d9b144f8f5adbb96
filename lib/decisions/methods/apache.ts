// Apache-style +1 / 0 / -1 methods: release votes, consensus with vetoes, and lazy consensus.
import { countBallots, plural } from "@/lib/decisions/methods/shared";
import type { ApacheChoice, CountedBallot, MethodInput, MethodOutcome, Veto } from "@/lib/decisions/methods/types";

export const defaultMinPlusOnes = 3;

function countApache(ballots: readonly CountedBallot<ApacheChoice>[]) {
  const { counts, advisoryCounts } = countBallots(ballots, ["+1", "0", "-1"], (choice) => [choice]);
  return { counts, advisoryCounts, plus: counts["+1"] ?? 0, minus: counts["-1"] ?? 0 };
}

// Ballots arrive in casting order, so vetoes are listed in the order they were cast.
function bindingMinusOnes(ballots: readonly CountedBallot<ApacheChoice>[]): Veto[] {
  return ballots
    .filter((ballot) => ballot.binding && ballot.choice === "-1")
    .map((ballot) => ({ userId: ballot.userId, reason: ballot.reason ?? "" }));
}

/** Passes with at least minPlusOnes binding +1 and more binding +1 than -1; a -1 is not a veto. */
export function tallyApacheRelease({ params, ballots }: MethodInput<ApacheChoice>): MethodOutcome {
  const { counts, advisoryCounts, plus, minus } = countApache(ballots);
  const needed = params.minPlusOnes ?? defaultMinPlusOnes;
  const summary = `${plus} binding +1, ${minus} binding -1`;
  if (plus < needed) {
    return { status: "failed", explanation: `Failed: ${summary}; ${needed} needed.`, counts, advisoryCounts };
  }
  if (plus <= minus) {
    return {
      status: "failed",
      explanation: `Failed: ${summary}; binding +1 votes must outnumber binding -1 votes.`,
      counts,
      advisoryCounts,
    };
  }
  return { status: "passed", explanation: `Passed: ${summary}; ${needed} needed.`, counts, advisoryCounts };
}

/** Passes with at least minPlusOnes binding +1 and no binding -1; every binding -1 is a veto. */
export function tallyApacheConsensus({ params, ballots }: MethodInput<ApacheChoice>): MethodOutcome {
  const { counts, advisoryCounts, plus } = countApache(ballots);
  const needed = params.minPlusOnes ?? defaultMinPlusOnes;
  const vetoes = bindingMinusOnes(ballots);
  if (vetoes.length > 0) {
    return {
      status: "failed",
      explanation: `Failed: vetoed by ${plural(vetoes.length, "binding -1")} (${plus} binding +1).`,
      counts,
      advisoryCounts,
      vetoes,
    };
  }
  const passed = plus >= needed;
  return {
    status: passed ? "passed" : "failed",
    explanation: `${passed ? "Passed" : "Failed"}: ${plus} binding +1 and no vetoes; ${needed} needed.`,
    counts,
    advisoryCounts,
    vetoes,
  };
}

/** Passes unless some binding voter objects with -1; silence (even zero ballots) is consent. */
export function tallyLazyConsensus({ ballots }: MethodInput<ApacheChoice>): MethodOutcome {
  const { counts, advisoryCounts, plus } = countApache(ballots);
  const objections = bindingMinusOnes(ballots);
  if (objections.length > 0) {
    return {
      status: "failed",
      explanation: `Failed: ${plural(objections.length, "binding objection")} (-1).`,
      counts,
      advisoryCounts,
      vetoes: objections,
    };
  }
  const explanation =
    ballots.length === 0
      ? "Passed: no objections."
      : `Passed: no binding objections (${plus} binding +1).`;
  return { status: "passed", explanation, counts, advisoryCounts, vetoes: objections };
}
