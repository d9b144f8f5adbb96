// Whether a decision's outcome can still change: the test an early close must pass ("once the outcome cannot change").
import { pickCurrentBallots, plural } from "@/lib/decisions/methods/shared";
import { tally, type TallyInput } from "@/lib/decisions/methods/tally";
import { optionMethods, type Ballot, type Outcome, type VotingMethod } from "@/lib/decisions/methods/types";
import { countedChoice } from "@/lib/decisions/methods/validate";

export type Finality = { final: true; outcome: Outcome } | { final: false; reason: string };

/**
 * Work allowed (completions × (ballots each + a fixed cost per tally)) before a ranked method gives up and
 * answers "not final". The live view computes finality on every read (polled while open), so this stays
 * around 20 ms at worst.
 */
export const enumerationBudget = 20_000;
const costPerTally = 50;

const sameOutcome = (a: Outcome, b: Outcome) => a.status === b.status && (a.winner ?? null) === (b.winner ?? null);

function notFinal(count: number, who: string): Finality {
  return { final: false, reason: `${plural(count, who)} can still vote; the outcome could still change.` };
}

/** Every ranking of some of the options, the empty one included: the ballots a ranked voter can cast. */
function rankingsOf(ids: readonly string[]): string[][] {
  const out: string[][] = [[]];
  const grow = (prefix: string[]) => {
    for (const id of ids) {
      if (prefix.includes(id)) continue;
      const next = [...prefix, id];
      out.push(next);
      grow(next);
    }
  };
  grow([]);
  return out;
}

/** C(n + k - 1, k): the multisets of k ballots drawn from n kinds, or Infinity once past `cap`. */
function multisets(kinds: number, size: number, cap: number): number {
  let count = 1;
  for (let i = 1; i <= size; i += 1) {
    count = (count * (kinds + i - 1)) / i;
    if (count > cap) return Number.POSITIVE_INFINITY;
  }
  return Math.round(count);
}

/** Every multiset of `size` indexes below `kinds`, as non-decreasing index lists; stops when `visit` returns false. */
function everyMultiset(kinds: number, size: number, visit: (picks: readonly number[]) => boolean): boolean {
  const picks = new Array<number>(size).fill(0);
  for (;;) {
    if (!visit(picks)) return false;
    let i = size - 1;
    while (i >= 0 && picks[i] === kinds - 1) i -= 1;
    if (i < 0) return true;
    const next = (picks[i] ?? 0) + 1;
    for (let j = i; j < size; j += 1) picks[j] = next;
  }
}

/** Cheap proofs for ranked methods that no set of `remaining` further binding ballots can change the winner. */
function rankedWinnerSecure(method: VotingMethod, outcome: Outcome, remaining: number): boolean {
  const winner = outcome.winner;
  if (outcome.status !== "passed" || winner === undefined) return false;
  if (method === "irv") {
    // A first-round majority that survives every remaining ballot going elsewhere wins in round one.
    const first = outcome.rounds?.[0] ?? {};
    const total = Object.values(first).reduce((sum, count) => sum + count, 0);
    return 2 * (first[winner] ?? 0) > total + remaining;
  }
  // Schulze: beating every other option head to head by more than the remaining ballots keeps it the
  // Condorcet winner, and a Condorcet winner is the only Schulze winner.
  const rows = outcome.pairwise ?? {};
  return Object.keys(rows).every((other) => other === winner || (rows[winner]?.[other] ?? 0) - (rows[other]?.[winner] ?? 0) > remaining);
}

/**
 * Final when every possible set of ballots from the eligible binding voters who have not voted yet
 * (each may also stay silent) gives the same status and winner as closing now. Ballots already cast count
 * as they stand. Advisory ballots never change an outcome; only without a fixed option list could they
 * (they add option ids), so then any eligible voter still to vote makes it not final.
 * Conservative: it may answer "not final" for a ranked vote whose outcome is in fact settled, never the reverse.
 */
export function outcomeIsFinal(input: TallyInput): Finality {
  const { method, params, voters, ballots } = input;
  const outcome = tally(input);
  const bindingByUser = new Map<string, boolean>();
  for (const voter of voters) bindingByUser.set(voter.userId, (bindingByUser.get(voter.userId) ?? false) || voter.binding);
  // A voter whose current ballot does not count (invalid) counts as not having voted: a new ballot would replace it.
  const voted = new Set(
    pickCurrentBallots(ballots)
      .filter((ballot) => bindingByUser.has(ballot.userId) && countedChoice(method, params, ballot.choice).ok)
      .map((ballot) => ballot.userId),
  );
  const remaining = [...bindingByUser].filter(([userId, binding]) => binding && !voted.has(userId)).map(([userId]) => userId);
  const optionIds = params.options?.map((option) => option.id);
  const isOptionMethod = (optionMethods as readonly VotingMethod[]).includes(method);

  if (isOptionMethod && !optionIds) {
    const silent = [...bindingByUser.keys()].filter((userId) => !voted.has(userId)).length;
    return silent === 0 ? { final: true, outcome } : notFinal(silent, "eligible voter");
  }
  const r = remaining.length;
  if (r === 0) return { final: true, outcome };
  if (outcome.status === "no-quorum") {
    // Any completion that reaches the quorum passes or fails instead.
    const quorum = outcome.quorum;
    return quorum && quorum.reached + r < quorum.needed ? { final: true, outcome } : notFinal(r, "binding voter");
  }

  // From here the quorum is met (or not required), and more ballots keep it met.
  const times = ballots.map((ballot) => ballot.castAt.getTime()).filter(Number.isFinite);
  const later = new Date(Math.max(0, ...times) + 1);
  const completed = (choices: readonly unknown[]) => {
    const extra: Ballot[] = choices.map((choice, index) => ({ userId: remaining[index] ?? "", choice, reason: null, castAt: later }));
    return tally({ method, params, voters, ballots: [...ballots, ...extra] });
  };
  const uniform = (choices: readonly unknown[]) =>
    choices.every((choice) => sameOutcome(completed(remaining.map(() => choice)), outcome))
      ? ({ final: true, outcome } as const)
      : notFinal(r, "binding voter");

  switch (method) {
    // Each is monotone in every count, so the extremes (all remaining voters choosing alike) bound every
    // completion: all "no" / "-1" is the worst case for a pass, all "yes" / "+1" the best case for a failure,
    // all for one option the best case for that option against the leader.
    case "yes-no":
      return uniform(["yes", "no", "abstain"]);
    case "apache-release":
    case "apache-consensus":
    case "lazy-consensus":
      return uniform(["+1", "0", "-1"]);
    case "plurality":
      return uniform(optionIds ?? []);
    case "approval":
      return uniform((optionIds ?? []).map((id) => [id]));
    case "irv":
    case "schulze": {
      if (rankedWinnerSecure(method, outcome, r)) return { final: true, outcome };
      // The quorum is met, so an empty ranking and no ballot count alike: the empty ranking stands for both.
      const kinds = rankingsOf(optionIds ?? []);
      const perCompletion = ballots.length + r + costPerTally;
      // Everyone remaining casting the same ranking usually finds a change quickly, before the full search.
      if (kinds.length * perCompletion > enumerationBudget) return notFinal(r, "binding voter");
      if (uniform(kinds).final === false) return notFinal(r, "binding voter");
      const count = multisets(kinds.length, r, enumerationBudget / perCompletion);
      if (count * perCompletion > enumerationBudget) return notFinal(r, "binding voter");
      // Ranked tallies depend only on the multiset of rankings, so multisets are enough.
      const settled = everyMultiset(kinds.length, r, (picks) => sameOutcome(completed(picks.map((pick) => kinds[pick] ?? [])), outcome));
      return settled ? { final: true, outcome } : notFinal(r, "binding voter");
    }
  }
}
