// Builders for voting-method tests: electorates, ballots and repeated ranked groups.
import type { Ballot, DecisionOption, Voter } from "@/lib/decisions/methods/types";

export type Cast = { user: string; choice: unknown; binding?: boolean; reason?: string; minute?: number };

const opening = Date.UTC(2025, 5, 2, 9, 0, 0);

export function at(minute: number): Date {
  return new Date(opening + minute * 60_000);
}

/** Voters are everyone who cast plus `silent` voters; ballots are cast a minute apart unless told. */
export function electorate(casts: readonly Cast[], silent: readonly Voter[] = []): { voters: Voter[]; ballots: Ballot[] } {
  const voters = [...casts.map((cast) => ({ userId: cast.user, binding: cast.binding ?? true })), ...silent];
  const ballots = casts.map((cast, index) => ({
    userId: cast.user,
    choice: cast.choice,
    reason: cast.reason ?? null,
    castAt: at(cast.minute ?? index),
  }));
  return { voters, ballots };
}

/** `count` binding casts of the same choice from distinct users sharing a prefix. */
export function many(count: number, choice: unknown, { prefix, binding = true }: { prefix: string; binding?: boolean }): Cast[] {
  return Array.from({ length: count }, (_, index) => ({ user: `${prefix}_${index + 1}`, choice, binding }));
}

export function silentVoters(count: number, { binding = true }: { binding?: boolean } = {}): Voter[] {
  return Array.from({ length: count }, (_, index) => ({ userId: `usr_silent_${index + 1}`, binding }));
}

/** Ranked groups such as [[5, "ACBED"]], one letter per option id. */
export function rankedGroups(groups: ReadonlyArray<readonly [number, string]>): Cast[] {
  return groups.flatMap(([count, order], group) => many(count, order.split(""), { prefix: `usr_g${group + 1}` }));
}

export function options(spec: Record<string, string>): DecisionOption[] {
  return Object.entries(spec).map(([id, label]) => ({ id, label }));
}

export const releaseOptions = options({
  opt_ship: "Ship v2.1 weights",
  opt_audit: "Hold for a red-team audit",
  opt_drop: "Drop the release",
});
