// Shared types for the pure voting methods used by governance decisions.

export const votingMethods = [
  "yes-no",
  "apache-release",
  "apache-consensus",
  "lazy-consensus",
  "plurality",
  "approval",
  "irv",
  "schulze",
] as const;

export type VotingMethod = (typeof votingMethods)[number];

export const methodLabels: Record<VotingMethod, string> = {
  "yes-no": "Yes / no",
  "apache-release": "Apache release vote",
  "apache-consensus": "Apache consensus",
  "lazy-consensus": "Lazy consensus",
  plurality: "Plurality",
  approval: "Approval",
  irv: "Instant runoff (IRV)",
  schulze: "Ranked choice (Schulze)",
};

/** Methods whose ballots name options, so `params.options` should be set. */
export const optionMethods = ["plurality", "approval", "irv", "schulze"] as const satisfies readonly VotingMethod[];

/** Eligible voters are frozen when a decision opens; advisory voters are eligible but not binding. */
export type Voter = { userId: string; binding: boolean };

export type YesNoChoice = "yes" | "no" | "abstain";
/** Used by apache-release, apache-consensus and lazy-consensus (where a binding -1 is an objection). */
export type ApacheChoice = "+1" | "0" | "-1";
/** plurality: one option id. */
export type OptionChoice = string;
/** approval: the approved option ids; an empty list abstains. */
export type ApprovalChoice = string[];
/**
 * irv and schulze: option ids, most preferred first, each at most once. A new ballot ranks at least one
 * option; partial rankings are allowed (unranked options rank below every ranked one).
 */
export type RankingChoice = string[];

export type ChoiceByMethod = {
  "yes-no": YesNoChoice;
  "apache-release": ApacheChoice;
  "apache-consensus": ApacheChoice;
  "lazy-consensus": ApacheChoice;
  plurality: OptionChoice;
  approval: ApprovalChoice;
  irv: RankingChoice;
  schulze: RankingChoice;
};

export type Choice = ChoiceByMethod[VotingMethod];

/**
 * A voter's current ballot. Callers should pass one per voter; if several appear for the same
 * user, the one with the latest castAt wins and equal castAt is won by the later array entry.
 */
export type Ballot = { userId: string; choice: unknown; reason?: string | null; castAt: Date };

/**
 * Quorum counts eligible BINDING voters with a valid current ballot (abstentions count).
 * - count: at least `value` such voters (rounded up).
 * - share: at least ceil(value × number of eligible binding voters), e.g. 0.5 of 7 needs 4.
 * Lazy consensus ignores quorum: silence is consent by definition.
 */
export type Quorum = { type: "count" | "share"; value: number };

export type DecisionOption = { id: string; label: string };

export type MethodParams = {
  quorum?: Quorum;
  /**
   * yes-no only: required share of yes among yes + no (abstentions excluded). Default 0.5.
   * Exactly 0.5 means a simple majority, strictly more than half (2 yes, 2 no fails).
   * Any other value is inclusive: 2/3 passes with exactly two-thirds, 0.6 with exactly 60%.
   */
  threshold?: number;
  /** apache-release and apache-consensus: binding +1 votes needed. Default 3. */
  minPlusOnes?: number;
  /**
   * Options for plurality, approval, irv and schulze. Their order is the documented tie-break:
   * earlier options win ties. Without options, any non-empty id is accepted and the order is
   * the sorted ids seen on ballots.
   */
  options?: DecisionOption[];
};

export type OutcomeStatus = "passed" | "failed" | "no-quorum";

export type QuorumStatus = { needed: number; reached: number; met: boolean };

export type Veto = { userId: string; reason: string };

export type Outcome = {
  status: OutcomeStatus;
  /** Winning option id for plurality, approval, irv and schulze when status is "passed". */
  winner?: string;
  /** One plain sentence, e.g. "Passed: 4 binding +1, 0 binding -1; 3 needed." */
  explanation: string;
  /** Binding counts per choice (yes/no/abstain, +1/0/-1) or per option id (first preferences for ranked methods). */
  counts: Record<string, number>;
  /** Same keys as counts, from advisory ballots; never affects the outcome. */
  advisoryCounts: Record<string, number>;
  quorum?: QuorumStatus;
  /** IRV: binding first-preference counts of the continuing options in each round. */
  rounds?: Array<Record<string, number>>;
  /** apache-consensus vetoes and lazy-consensus objections (binding -1), in casting order. */
  vetoes?: Veto[];
  /** Schulze: pairwise[a][b] = binding ballots preferring a over b. */
  pairwise?: Record<string, Record<string, number>>;
  /** Current ballots left out: cast by someone not among the eligible voters, or with an invalid choice. */
  ignored: number;
};

/** What a single method computes; tally adds quorum and the ignored count. */
export type MethodOutcome = Omit<Outcome, "quorum" | "ignored">;

/** A valid ballot from an eligible voter, as handed to a method. */
export type CountedBallot<C> = { userId: string; choice: C; reason: string | null; castAt: Date; binding: boolean };

export type MethodInput<C> = { params: MethodParams; ballots: readonly CountedBallot<C>[] };
