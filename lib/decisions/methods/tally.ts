// Tallies a decision: picks current ballots, drops ineligible or invalid ones, applies quorum, dispatches by method.
import { tallyApacheConsensus, tallyApacheRelease, tallyLazyConsensus } from "@/lib/decisions/methods/apache";
import { tallyApproval, tallyPlurality } from "@/lib/decisions/methods/counting";
import { tallyIrv } from "@/lib/decisions/methods/irv";
import { tallySchulze } from "@/lib/decisions/methods/schulze";
import { measureQuorum, pickCurrentBallots, plural } from "@/lib/decisions/methods/shared";
import type {
  Ballot,
  CountedBallot,
  MethodOutcome,
  MethodParams,
  Outcome,
  Voter,
  VotingMethod,
} from "@/lib/decisions/methods/types";
import {
  parseApache,
  parseApproval,
  parseOptionChoice,
  parseRanking,
  parseYesNo,
  type ChoiceResult,
} from "@/lib/decisions/methods/validate";
import { tallyYesNo } from "@/lib/decisions/methods/yes-no";

export type TallyInput = {
  method: VotingMethod;
  params: MethodParams;
  /** Eligible voters frozen at opening. A user listed several times is binding if any entry is. */
  voters: readonly Voter[];
  ballots: readonly Ballot[];
};

type Collected<C> = { ballots: CountedBallot<C>[]; ignored: number };

function collect<C>(
  current: readonly Ballot[],
  bindingByUser: ReadonlyMap<string, boolean>,
  parse: (choice: unknown) => ChoiceResult<C>,
): Collected<C> {
  const ballots: CountedBallot<C>[] = [];
  let ignored = 0;
  for (const ballot of current) {
    const binding = bindingByUser.get(ballot.userId);
    const parsed = parse(ballot.choice);
    if (binding === undefined || !parsed.ok) {
      ignored += 1;
      continue;
    }
    ballots.push({ userId: ballot.userId, choice: parsed.value, reason: ballot.reason ?? null, castAt: ballot.castAt, binding });
  }
  return { ballots, ignored };
}

export function tally({ method, params, voters, ballots }: TallyInput): Outcome {
  const bindingByUser = new Map<string, boolean>();
  for (const voter of voters) bindingByUser.set(voter.userId, (bindingByUser.get(voter.userId) ?? false) || voter.binding);
  const current = pickCurrentBallots(ballots);

  const run = <C>(
    parse: (choice: unknown) => ChoiceResult<C>,
    decide: (input: { params: MethodParams; ballots: readonly CountedBallot<C>[] }) => MethodOutcome,
  ): Outcome => {
    const collected = collect(current, bindingByUser, parse);
    const result = decide({ params, ballots: collected.ballots });
    const outcome: Outcome = { ...result, ignored: collected.ignored };
    // Silence is consent in lazy consensus, so a quorum would contradict the method.
    if (!params.quorum || method === "lazy-consensus") return outcome;
    const quorum = measureQuorum({
      quorum: params.quorum,
      bindingEligible: [...bindingByUser.values()].filter(Boolean).length,
      bindingCast: collected.ballots.filter((ballot) => ballot.binding).length,
    });
    if (quorum.met) return { ...outcome, quorum };
    const noQuorum: Outcome = {
      ...outcome,
      status: "no-quorum",
      quorum,
      explanation: `No quorum: ${plural(quorum.reached, "binding voter")} voted; ${quorum.needed} needed.`,
    };
    delete noQuorum.winner;
    return noQuorum;
  };

  switch (method) {
    case "yes-no":
      return run(parseYesNo, tallyYesNo);
    case "apache-release":
      return run((choice) => parseApache(method, choice), tallyApacheRelease);
    case "apache-consensus":
      return run((choice) => parseApache(method, choice), tallyApacheConsensus);
    case "lazy-consensus":
      return run((choice) => parseApache(method, choice), tallyLazyConsensus);
    case "plurality":
      return run((choice) => parseOptionChoice(params, choice), tallyPlurality);
    case "approval":
      return run((choice) => parseApproval(params, choice), tallyApproval);
    case "irv":
      return run((choice) => parseRanking(params, choice), tallyIrv);
    case "schulze":
      return run((choice) => parseRanking(params, choice), tallySchulze);
  }
}
