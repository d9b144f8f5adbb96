// Blocking concerns, the pure part: when one may be raised, and how open concerns turn a passing tally into a
// failure, in words ("Fails while 1 concern is open: 'Eval set leaks into training data' by Dana"). No I/O.
// It imports nothing: lib/decisions applies these rules, so they must not depend back on it.

/** The part of a tally these rules read and rewrite (lib/decisions/methods/types.ts Outcome). */
type Tallied = { status: "passed" | "failed" | "no-quorum"; explanation: string; winner?: string };
type Finality<O extends Tallied> = { final: true; outcome: O } | { final: false; reason: string };

export const concernStatuses = ["open", "resolved", "overridden"] as const;
export type ConcernStatus = (typeof concernStatuses)[number];
export const concernSubjectKinds = ["decision", "release"] as const;
export type ConcernSubjectKind = (typeof concernSubjectKinds)[number];

/** Bounds of a concern's text: a title fits one line of a tally sentence; the text is a short argument. */
export const concernLimits = { titleMin: 3, titleMax: 120, bodyMax: 10_000, noteMax: 2000, reasonMin: 3 } as const;

/** An open concern as a tally reads it: its title and who raised it (a display name). */
export type OpenConcern = { title: string; raisedBy: string };

/** The charter's answer for the subject's kind, and the concerns open now. */
export type ConcernBlock = { blocks: boolean; open: readonly OpenConcern[] };

const quote = (concern: OpenConcern) => `'${concern.title}' by ${concern.raisedBy}`;

function listed(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** True when open concerns keep the subject from passing: the charter says they block and one is open. */
export const isBlocking = (block: ConcernBlock | undefined): block is ConcernBlock => Boolean(block?.blocks && block.open.length > 0);

/** "Fails while 1 concern is open: 'Eval set leaks into training data' by Dana" (no full stop). */
export function blockingSentence(open: readonly OpenConcern[]): string {
  const n = open.length;
  return `Fails while ${n} ${n === 1 ? "concern is" : "concerns are"} open: ${listed(open.map(quote))}`;
}

/**
 * The tally with open blocking concerns applied: a pass becomes a failure that says why and what the votes
 * alone decide. A failure or a missing quorum stays as it is (a concern never helps a vote pass).
 */
export function withConcerns<O extends Tallied>(outcome: O, block: ConcernBlock | undefined): O {
  if (!isBlocking(block) || outcome.status !== "passed") return outcome;
  const votes = outcome.explanation.replace(/^Passed: /, "").replace(/\.$/, "");
  const blocked: O = { ...outcome, status: "failed", explanation: `${blockingSentence(block.open)}. Without it the votes pass: ${votes}.` };
  delete blocked.winner;
  return blocked;
}

/**
 * Whether an early close could go ahead with these concerns: a vote that would pass is not final while a
 * blocking concern is open, since resolving it changes the outcome. A vote that fails anyway stays final.
 */
export function finalityWithConcerns<O extends Tallied>(finality: Finality<O>, block: ConcernBlock | undefined): Finality<O> {
  if (!finality.final || !isBlocking(block) || finality.outcome.status !== "passed") return finality;
  const n = block.open.length;
  return {
    final: false,
    reason: `${blockingSentence(block.open)}; ${n === 1 ? "it" : "they"} must be resolved or overridden before this decision can pass.`,
  };
}

/** Why a concern cannot be raised on a subject in this state, or null when it can. */
export function raiseRefusal(subject: { kind: ConcernSubjectKind; status: string; closesAt?: Date }, now: Date): { code: string; message: string } | null {
  if (subject.kind === "decision") {
    if (subject.status !== "open" || (subject.closesAt && now.getTime() >= subject.closesAt.getTime())) {
      return { code: "NOT_OPEN", message: `Concerns can be raised only while a decision is open; this one is ${subject.status === "open" ? "past its closing time" : subject.status}.` };
    }
    return null;
  }
  if (subject.status !== "in_review") {
    return { code: "NOT_IN_REVIEW", message: `Concerns can be raised on a release only while it is in review; this one is ${subject.status.replace("_", " ")}.` };
  }
  return null;
}

/**
 * Whether a subject's concerns still matter: a decision until its closing time (an unsettled one past it is
 * decided by the concerns open then), a release while it is in review or voting.
 */
export function isLive(subject: { kind: ConcernSubjectKind; status: string; closesAt?: Date }, now: Date): boolean {
  if (subject.kind === "decision") return subject.status === "open" && !(subject.closesAt && now.getTime() >= subject.closesAt.getTime());
  return subject.status === "in_review" || subject.status === "voting";
}

/** Why a concern on a subject in this state can no longer be resolved or overridden, or null when it can. */
export function closeRefusal(subject: { kind: ConcernSubjectKind; status: string; closesAt?: Date }, now: Date): { code: string; message: string } | null {
  if (isLive(subject, now)) return null;
  const state = subject.status === "open" ? "past its closing time" : subject.status.replace("_", " ");
  return { code: "SUBJECT_CLOSED", message: `The ${subject.kind} is ${state}, so its concerns stay as they were when it closed.` };
}

/** "The release cannot go to a vote while 1 concern is open: 'X' by Dana." */
export function releaseBlockSentence(open: readonly OpenConcern[]): string {
  const n = open.length;
  return `The release cannot go to a vote while ${n} ${n === 1 ? "concern is" : "concerns are"} open: ${listed(open.map(quote))}. The person who raised ${n === 1 ? "it" : "each"} resolves it, or a steward overrides it with a reason.`;
}
