// Small helpers shared by the voting methods: current-ballot selection, quorum, counting and wording.
import type { Ballot, CountedBallot, MethodParams, Quorum, QuorumStatus } from "@/lib/decisions/methods/types";

// Guards share × voters products such as 0.3 × 10 = 3.0000000000000004 from rounding up a whole voter.
const EPSILON = 1e-9;

function timeOf(ballot: Ballot): number {
  const time = ballot.castAt.getTime();
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** One ballot per user: latest castAt wins, equal castAt is won by the later array entry. */
export function pickCurrentBallots(ballots: readonly Ballot[]): Ballot[] {
  const current = new Map<string, Ballot>();
  for (const ballot of ballots) {
    const previous = current.get(ballot.userId);
    if (!previous || timeOf(ballot) >= timeOf(previous)) current.set(ballot.userId, ballot);
  }
  // Casting order (then user id) keeps every result independent of the input order.
  return [...current.values()].sort(
    (a, b) => timeOf(a) - timeOf(b) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}

export function measureQuorum({
  quorum,
  bindingEligible,
  bindingCast,
}: {
  quorum: Quorum;
  bindingEligible: number;
  bindingCast: number;
}): QuorumStatus {
  const raw = quorum.type === "count" ? quorum.value : quorum.value * bindingEligible;
  const needed = Math.max(0, Math.ceil(raw - EPSILON));
  return { needed, reached: bindingCast, met: bindingCast >= needed };
}

export function zeroCounts(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, 0]));
}

/** Binding and advisory tallies over the same keys; `keysOf` says which keys a ballot adds one to. */
export function countBallots<C>(
  ballots: readonly CountedBallot<C>[],
  keys: readonly string[],
  keysOf: (choice: C) => readonly string[],
): { counts: Record<string, number>; advisoryCounts: Record<string, number> } {
  const counts = zeroCounts(keys);
  const advisoryCounts = zeroCounts(keys);
  for (const ballot of ballots) {
    const target = ballot.binding ? counts : advisoryCounts;
    for (const key of keysOf(ballot.choice)) target[key] = (target[key] ?? 0) + 1;
  }
  return { counts, advisoryCounts };
}

/** The option ids in tie-break order: params.options order, else the sorted ids seen on ballots. */
export function resolveOptionIds(params: MethodParams, choices: readonly (string | readonly string[])[]): string[] {
  if (params.options) return params.options.map((option) => option.id);
  const seen = new Set<string>();
  for (const choice of choices) for (const id of typeof choice === "string" ? [choice] : choice) seen.add(id);
  return [...seen].sort();
}

export function labelOf(params: MethodParams, optionId: string): string {
  const label = params.options?.find((option) => option.id === optionId)?.label ?? optionId;
  return `"${label}"`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Formats a share as a percentage with at most one decimal: 2/3 → "66.7%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
