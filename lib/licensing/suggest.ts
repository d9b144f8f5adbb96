// "Did you mean" suggestions for mistyped license ids, compared case-insensitively.
import { distance } from "fastest-levenshtein";

export type SuggestionCandidate = { key: string; suggest: readonly string[] };

// Beyond this distance a suggestion is more confusing than helpful.
const maxDistance = (input: string): number => Math.max(3, Math.ceil(input.length / 2));

const sortedLetters = (text: string): string => [...text].sort().join("");

// Punctuation and "v" before versions are the commonest slips ("Apache2", "mit0", "GPLv3"), so ids are compared without them.
const squash = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .replace(/v(?=\d)/g, "");

// Ties go to the earlier candidate, so callers list the commonly used ids first.
export function suggestClosest(input: string, candidates: readonly SuggestionCandidate[]): readonly string[] {
  const needle = squash(input);
  if (needle === "") return [];
  const needleLetters = sortedLetters(needle);
  let best: { suggest: readonly string[]; distance: number; score: number } | undefined;
  for (const candidate of candidates) {
    const key = squash(candidate.key);
    const isPrefix = needle.length >= 3 && key.startsWith(needle);
    const d = isPrefix ? Math.min(1, distance(needle, key)) : distance(needle, key);
    // A transposition ("MTI" for "MIT") beats other edits at the same distance, then the closer length wins.
    const score = d * 1000 + (sortedLetters(key) === needleLetters ? 0 : 500) + Math.abs(key.length - needle.length);
    if (best === undefined || score < best.score) best = { suggest: candidate.suggest, distance: d, score };
  }
  return best !== undefined && best.distance <= maxDistance(needle) ? best.suggest : [];
}

export function formatDidYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  if (suggestions.length === 1) return ` Did you mean '${suggestions[0]}'?`;
  return ` Did you mean one of ${suggestions.map((s) => `'${s}'`).join(", ")}?`;
}
