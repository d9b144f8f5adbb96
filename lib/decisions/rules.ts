// Pure rules of decisions: method and parameters within the charter, options, frozen eligibility,
// the live projection and the frozen outcome (including the audit gate of release decisions).
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { tally } from "@/lib/decisions/methods/tally";
import { defaultMinPlusOnes } from "@/lib/decisions/methods/apache";
import { defaultThreshold } from "@/lib/decisions/methods/yes-no";
import { optionMethods, type Ballot, type DecisionOption, type MethodParams, type Outcome, type Voter, type VotingMethod } from "@/lib/decisions/methods/types";
import { validateParams } from "@/lib/decisions/methods/validate";
import type { DecisionKind, DecisionRule } from "@/lib/charter/schema";
import { parseLicenseExpression } from "@/lib/licensing/spdx";
import { withConcerns, type ConcernBlock } from "@/lib/concerns/rules";

export type Refusal = { ok: false; code: string; message: string };
type Checked<T> = { ok: true; value: T } | Refusal;
const refuse = (code: string, message: string): Refusal => ({ ok: false, code, message });

export const isOptionMethod = (method: VotingMethod) => (optionMethods as readonly VotingMethod[]).includes(method);
const apacheCounted: readonly VotingMethod[] = ["apache-release", "apache-consensus"];
/** Kinds whose question may have several answers, so they may use an option method instead of the charter's. */
const multiAnswerKinds: readonly DecisionKind[] = ["licensing", "policy"];

export type MethodRequest = {
  method?: VotingMethod;
  quorum?: MethodParams["quorum"] | null;
  threshold?: number;
  minPlusOnes?: number;
  options?: DecisionOption[];
};

/**
 * The charter's method and parameters for `kind`, adjusted by the request only towards stricter:
 * a higher quorum of the same type, a higher threshold, more +1 votes. A licensing or policy decision
 * with several options may use an option method (plurality, approval, IRV, Schulze) instead.
 */
export function resolveMethod({ kind, rule, request }: { kind: DecisionKind; rule: DecisionRule; request: MethodRequest }): Checked<{ method: VotingMethod; params: MethodParams }> {
  const method = request.method ?? rule.method;
  if (method !== rule.method && !(multiAnswerKinds.includes(kind) && isOptionMethod(method))) {
    return refuse("METHOD_NOT_ALLOWED", `The charter decides ${kind} decisions by ${rule.method}; only licensing and policy decisions with several options may use plurality, approval, IRV or Schulze instead.`);
  }
  const params: MethodParams = {};
  const charterQuorum = rule.quorum ?? undefined;
  if (request.quorum) {
    if (charterQuorum && (request.quorum.type !== charterQuorum.type || request.quorum.value < charterQuorum.value)) {
      return refuse("QUORUM_BELOW_CHARTER", `The charter requires a quorum of ${describeQuorum(charterQuorum)}; a decision may ask for more of the same kind, not less.`);
    }
    params.quorum = request.quorum;
  } else if (charterQuorum) {
    params.quorum = charterQuorum;
  }
  if (request.quorum === null && charterQuorum) {
    return refuse("QUORUM_BELOW_CHARTER", `The charter requires a quorum of ${describeQuorum(charterQuorum)}; it cannot be removed.`);
  }
  if (method === "yes-no") {
    const floor = rule.method === "yes-no" ? rule.threshold : defaultThreshold;
    if (request.threshold !== undefined && request.threshold < floor - 1e-9) {
      return refuse("THRESHOLD_BELOW_CHARTER", `The charter requires a threshold of at least ${Math.round(floor * 1000) / 10}% yes.`);
    }
    params.threshold = request.threshold ?? floor;
  }
  if (apacheCounted.includes(method)) {
    const floor = rule.minPlusOnes >= 1 ? rule.minPlusOnes : defaultMinPlusOnes;
    if (request.minPlusOnes !== undefined && request.minPlusOnes < floor) {
      return refuse("MIN_PLUS_ONES_BELOW_CHARTER", `The charter requires at least ${floor} binding +1 votes.`);
    }
    params.minPlusOnes = request.minPlusOnes ?? floor;
  }
  if (isOptionMethod(method)) params.options = request.options ?? [];
  else if (request.options?.length) return refuse("OPTIONS_NOT_USED", `The ${method} method has no options; leave them out or choose plurality, approval, IRV or Schulze.`);
  const checked = validateParams(method, params);
  if (!checked.ok) return refuse(checked.code, checked.message);
  return { ok: true, value: { method, params: checked.value } };
}

export function describeQuorum(quorum: NonNullable<MethodParams["quorum"]>): string {
  return quorum.type === "count" ? `${quorum.value} binding voters` : `${Math.round(quorum.value * 1000) / 10}% of binding voters`;
}

function slugOf(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9.+]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "option";
}

/** Options with ids (given, or derived from the label); licensing labels must be SPDX expressions and are normalised. */
export function buildOptions({ kind, options }: { kind: DecisionKind; options: ReadonlyArray<{ id?: string; label: string }> }): Checked<DecisionOption[]> {
  const built: DecisionOption[] = [];
  const ids = new Set<string>();
  for (const option of options) {
    let label = option.label.trim();
    if (kind === "licensing") {
      const parsed = parseLicenseExpression(label);
      if (!parsed.ok) return refuse("INVALID_LICENSE", `Option '${label}': ${parsed.message}`);
      label = parsed.value.expression;
    }
    let id = option.id ?? slugOf(label);
    if (option.id && ids.has(id)) return refuse("INVALID_OPTIONS", `Option id '${id}' is used more than once.`);
    for (let n = 2; ids.has(id); n += 1) id = `${slugOf(label)}-${n}`;
    if (built.some((other) => other.label === label)) return refuse("INVALID_OPTIONS", `The option '${label}' is listed twice.`);
    ids.add(id);
    built.push({ id, label });
  }
  return { ok: true, value: built };
}

/**
 * Refuses, at opening, a decision that could never pass with the voters frozen for it: a count quorum or a
 * number of binding +1 votes larger than the binding voters there are. (Lazy consensus has no quorum.)
 */
export function checkReachable({ method, params, voters }: { method: VotingMethod; params: MethodParams; voters: readonly Voter[] }): Checked<true> {
  const binding = voters.filter((voter) => voter.binding).length;
  const eligible = `${binding} binding ${binding === 1 ? "voter is" : "voters are"} eligible`;
  if (params.quorum?.type === "count" && method !== "lazy-consensus" && params.quorum.value > binding) {
    return refuse("QUORUM_UNREACHABLE", `A quorum of ${params.quorum.value} binding voters can never be reached: ${eligible}.`);
  }
  if (apacheCounted.includes(method) && (params.minPlusOnes ?? defaultMinPlusOnes) > binding) {
    return refuse("MIN_PLUS_ONES_UNREACHABLE", `${params.minPlusOnes ?? defaultMinPlusOnes} binding +1 votes can never be reached: ${eligible}.`);
  }
  return { ok: true, value: true };
}

/** Frozen eligibility in a canonical order, so the same voters always hash the same. */
export function freezeEligibility(voters: readonly Voter[]): Voter[] {
  return [...voters].map(({ userId, binding }) => ({ userId, binding })).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/** SHA-256 (hex) of the RFC 8785 canonical JSON of the frozen eligibility list. */
export function eligibilityHash(voters: readonly Voter[]): string {
  const text = canonicalize(freezeEligibility(voters));
  if (text === undefined) throw new Error("eligibility cannot be canonicalized");
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export type GateView = { blocked: boolean; reasons: Array<{ code: string; message: string }> };

export type StoredOutcome = Outcome & {
  closedBy: "deadline" | "early";
  /** Release decisions: the audit gate at the close; a blocked gate turns a pass into a failure. */
  gate?: GateView;
  /** What the close changed, in plain words ("Release approved", "License set to CC-BY-4.0"). */
  applied: string[];
};

/** The frozen outcome at the close: the tally, overruled by open blocking concerns and, for release decisions, a blocked audit gate. */
export function closingOutcome({
  method,
  params,
  voters,
  ballots,
  closedBy,
  gate,
  concerns,
}: {
  method: VotingMethod;
  params: MethodParams;
  voters: readonly Voter[];
  ballots: readonly Ballot[];
  closedBy: StoredOutcome["closedBy"];
  gate?: GateView;
  /** The charter's concernsBlock for the kind and the concerns open at the close: blocking ones turn a pass into a failure. */
  concerns?: ConcernBlock;
}): StoredOutcome {
  const counted = withConcerns(tally({ method, params, voters, ballots }), concerns);
  const outcome: StoredOutcome = { ...counted, closedBy, applied: [], ...(gate ? { gate } : {}) };
  if (gate?.blocked && counted.status === "passed") {
    const why = gate.reasons.map((reason) => reason.message).join(" ") || "the audit gate blocks the release.";
    return { ...outcome, status: "failed", explanation: `Failed: the vote passed (${counted.explanation.replace(/^Passed: /, "").replace(/\.$/, "")}) but the audits gate blocks the release: ${why}` };
  }
  return outcome;
}

/** "If it closed now: passes because …" for the live view. */
export function projectionSentence(outcome: Outcome): string {
  // Blocked by open concerns: the sentence already says what happens and why ("Fails while 1 concern is open: …").
  if (outcome.explanation.startsWith("Fails while ")) return `If it closed now: f${outcome.explanation.slice(1)}`;
  const because = outcome.explanation.replace(/^(Passed|Failed|No quorum): /, "");
  const verb = outcome.status === "passed" ? "passes" : "fails";
  const reason = outcome.status === "no-quorum" ? `there is no quorum yet: ${because}` : because;
  return `If it closed now: ${verb} because ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}

export type Progress = { label: string; reached: number; needed: number };

/** How close a decision is to what it needs: the quorum, or the binding +1 votes of an Apache vote. */
export function progressOf({ method, params, outcome }: { method: VotingMethod; params: MethodParams; outcome: Outcome }): Progress[] {
  const progress: Progress[] = [];
  if (outcome.quorum) progress.push({ label: "Quorum (binding voters)", reached: outcome.quorum.reached, needed: outcome.quorum.needed });
  if (apacheCounted.includes(method)) {
    progress.push({ label: "Binding +1 votes", reached: outcome.counts["+1"] ?? 0, needed: params.minPlusOnes ?? defaultMinPlusOnes });
  }
  return progress;
}

/** Whether a time is past the close: decisions close at closesAt exactly. */
export const isDue = ({ closesAt, now }: { closesAt: Date; now: Date }) => now.getTime() >= closesAt.getTime();

/** Shapes of `choice` per method, for forms and the API description. */
export const choiceShapes: Record<VotingMethod, string> = {
  "yes-no": '"yes" | "no" | "abstain"',
  "apache-release": '"+1" | "0" | "-1" (a -1 is not a veto)',
  "apache-consensus": '"+1" | "0" | "-1" (a binding -1 is a veto and needs a reason)',
  "lazy-consensus": '"+1" | "0" | "-1" (a binding -1 is an objection)',
  plurality: "one option id, e.g. \"cc-by-4.0\"",
  approval: 'a list of approved option ids, e.g. ["mit", "apache-2.0"] (empty: abstain)',
  irv: 'a ranking of distinct option ids, most preferred first, e.g. ["cc-by-4.0", "odbl-1.0"]; at least one; a partial ranking puts the unranked options last',
  schulze: 'a ranking of distinct option ids, most preferred first, e.g. ["cc-by-4.0", "odbl-1.0"]; at least one; a partial ranking puts the unranked options last',
};
