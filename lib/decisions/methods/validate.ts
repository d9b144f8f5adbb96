// Validation of a single ballot choice (and of method parameters) for each voting method.
import { optionMethods } from "@/lib/decisions/methods/types";
import type {
  ApacheChoice,
  ApprovalChoice,
  Choice,
  MethodParams,
  OptionChoice,
  RankingChoice,
  VotingMethod,
  YesNoChoice,
} from "@/lib/decisions/methods/types";

export type ChoiceErrorCode = "MALFORMED_CHOICE" | "UNKNOWN_OPTION" | "DUPLICATE_RANK" | "EMPTY_RANKING";
export type ChoiceError = { ok: false; code: ChoiceErrorCode; message: string };
export type ChoiceResult<C> = { ok: true; value: C } | ChoiceError;

const yesNoChoices: readonly string[] = ["yes", "no", "abstain"] satisfies YesNoChoice[];
const apacheChoices: readonly string[] = ["+1", "0", "-1"] satisfies ApacheChoice[];

function malformed(message: string): ChoiceError {
  return { ok: false, code: "MALFORMED_CHOICE", message };
}

function unknownOption(id: string): ChoiceError {
  return { ok: false, code: "UNKNOWN_OPTION", message: `Option '${id}' is not one of this decision's options.` };
}

function isKnownOption(params: MethodParams, id: string): boolean {
  return params.options ? params.options.some((option) => option.id === id) : id.length > 0;
}

export function parseYesNo(choice: unknown): ChoiceResult<YesNoChoice> {
  if (typeof choice === "string" && yesNoChoices.includes(choice)) return { ok: true, value: choice as YesNoChoice };
  return malformed("This is a yes/no vote: choose yes, no or abstain.");
}

export function parseApache(method: VotingMethod, choice: unknown): ChoiceResult<ApacheChoice> {
  if (typeof choice === "string" && apacheChoices.includes(choice)) return { ok: true, value: choice as ApacheChoice };
  return malformed(
    method === "lazy-consensus"
      ? "This is a lazy-consensus vote: choose +1, 0 or -1 (a -1 is an objection)."
      : "This is an Apache-style vote: choose +1, 0 or -1.",
  );
}

export function parseOptionChoice(params: MethodParams, choice: unknown): ChoiceResult<OptionChoice> {
  if (typeof choice !== "string" || choice.length === 0) {
    return malformed("This is a plurality vote: choose exactly one option.");
  }
  return isKnownOption(params, choice) ? { ok: true, value: choice } : unknownOption(choice);
}

function parseIdList(
  params: MethodParams,
  choice: unknown,
  { shape, duplicate }: { shape: string; duplicate: (id: string) => ChoiceError },
): ChoiceResult<string[]> {
  if (!Array.isArray(choice) || !choice.every((id): id is string => typeof id === "string" && id.length > 0)) {
    return malformed(shape);
  }
  const seen = new Set<string>();
  for (const id of choice) {
    if (!isKnownOption(params, id)) return unknownOption(id);
    if (seen.has(id)) return duplicate(id);
    seen.add(id);
  }
  return { ok: true, value: [...choice] };
}

export function parseApproval(params: MethodParams, choice: unknown): ChoiceResult<ApprovalChoice> {
  return parseIdList(params, choice, {
    shape: "This is an approval vote: send the list of option ids you approve (an empty list abstains).",
    duplicate: (id) => malformed(`Option '${id}' is approved more than once; list each option at most once.`),
  });
}

export function parseRanking(params: MethodParams, choice: unknown): ChoiceResult<RankingChoice> {
  return parseIdList(params, choice, {
    shape: "This is a ranked vote: send option ids in order of preference, most preferred first.",
    duplicate: (id) => ({
      ok: false,
      code: "DUPLICATE_RANK",
      message: `Option '${id}' is ranked more than once; rank each option at most once.`,
    }),
  });
}

/** Checks a raw choice (e.g. from a request body) against the method and returns it normalised. */
export function validateChoice(method: VotingMethod, params: MethodParams, choice: unknown): ChoiceResult<Choice> {
  if ((method === "irv" || method === "schulze") && Array.isArray(choice) && choice.length === 0) {
    return { ok: false, code: "EMPTY_RANKING", message: "Rank at least one option; options you leave out come after the ones you rank." };
  }
  return countedChoice(method, params, choice);
}

/**
 * Whether a stored ballot's choice counts in the tally. Looser than validateChoice by one rule: an empty
 * ranking, refused for new ballots, was accepted before, and such stored ballots still count as they did.
 */
export function countedChoice(method: VotingMethod, params: MethodParams, choice: unknown): ChoiceResult<Choice> {
  switch (method) {
    case "yes-no":
      return parseYesNo(choice);
    case "apache-release":
    case "apache-consensus":
    case "lazy-consensus":
      return parseApache(method, choice);
    case "plurality":
      return parseOptionChoice(params, choice);
    case "approval":
      return parseApproval(params, choice);
    case "irv":
    case "schulze":
      return parseRanking(params, choice);
  }
}

/** A binding -1 on apache-consensus is a veto, and a veto must carry a reason. */
export function requiresReason(method: VotingMethod, choice: unknown, binding: boolean): boolean {
  return method === "apache-consensus" && binding && choice === "-1";
}

export type ParamsErrorCode = "INVALID_QUORUM" | "INVALID_THRESHOLD" | "INVALID_MIN_PLUS_ONES" | "INVALID_OPTIONS";
export type ParamsResult = { ok: true; value: MethodParams } | { ok: false; code: ParamsErrorCode; message: string };

/** Checks decision parameters when a decision is created, so tallies never see nonsense values. */
export function validateParams(method: VotingMethod, params: MethodParams): ParamsResult {
  const { quorum, threshold, minPlusOnes, options } = params;
  if (quorum) {
    const validValue =
      quorum.type === "count" ? Number.isInteger(quorum.value) && quorum.value >= 0 : quorum.value >= 0 && quorum.value <= 1;
    if (!Number.isFinite(quorum.value) || !validValue) {
      return {
        ok: false,
        code: "INVALID_QUORUM",
        message:
          quorum.type === "count"
            ? "A count quorum must be a whole number of binding voters, 0 or more."
            : "A share quorum must be between 0 and 1 (for example 0.5 for half of the binding voters).",
      };
    }
  }
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold > 0 && threshold <= 1)) {
    return {
      ok: false,
      code: "INVALID_THRESHOLD",
      message: "The threshold must be a share above 0 and at most 1 (for example 0.5 or 0.6667).",
    };
  }
  if (minPlusOnes !== undefined && !(Number.isInteger(minPlusOnes) && minPlusOnes >= 1)) {
    return { ok: false, code: "INVALID_MIN_PLUS_ONES", message: "The number of +1 votes needed must be a whole number, 1 or more." };
  }
  if ((optionMethods as readonly VotingMethod[]).includes(method)) {
    if (!options || options.length < 2) {
      return { ok: false, code: "INVALID_OPTIONS", message: "This voting method needs at least two options." };
    }
    const ids = new Set<string>();
    for (const option of options) {
      if (option.id.length === 0 || option.label.trim().length === 0) {
        return { ok: false, code: "INVALID_OPTIONS", message: "Every option needs a non-empty id and label." };
      }
      if (ids.has(option.id)) {
        return { ok: false, code: "INVALID_OPTIONS", message: `Option id '${option.id}' is used more than once.` };
      }
      ids.add(option.id);
    }
  }
  return { ok: true, value: params };
}
