// Who a user votes as on a decision's frozen eligibility list (the charter's eligibleVoters froze it). Pure.
// The list is part of the record and never rewritten, so a user of a fork votes as the person of the origin they
// stand for (an owner mapped that person to them; lib/members/mutations.ts mapIdentity): that person's entry, and
// that person's one current ballot.

export type VoterOnList =
  | { ok: true; voterId: string; binding: boolean; /** Set when the user votes in another person's place. */ standsFor: string | null }
  | { ok: false; code: "NOT_ELIGIBLE" | "ON_LIST_TWICE"; message: string };

export const notEligibleMessage = "You were not among the eligible voters when this decision opened, so you cannot vote on it.";

/**
 * The one entry of the list the user votes under: their own, or the one person mapped to them. Two entries (on the
 * list as themselves and as someone mapped to them, or as two mapped people) would be two ballots for one person,
 * so neither is chosen silently.
 */
export function voterOnList({ userId, standsFor, eligible }: { userId: string; standsFor: readonly string[]; eligible: ReadonlyMap<string, boolean> }): VoterOnList {
  const entries = [userId, ...standsFor.filter((id) => id !== userId)].filter((id) => eligible.has(id));
  if (entries.length === 0) return { ok: false, code: "NOT_ELIGIBLE", message: notEligibleMessage };
  if (entries.length > 1) {
    const how = entries[0] === userId ? "as yourself and as a person who arrived with the archive and was mapped to you" : "as two people who arrived with the archive and were mapped to you";
    return {
      ok: false,
      code: "ON_LIST_TWICE",
      message: `You are on this decision's list of voters twice, ${how}; one person casts one ballot, so ask an owner of the space to settle who you are.`,
    };
  }
  const voterId = entries[0]!;
  return { ok: true, voterId, binding: eligible.get(voterId)!, standsFor: voterId === userId ? null : voterId };
}

/** The same from an eligibility list as stored ([{ userId, binding }]): a person listed twice votes bindingly if either entry does. */
export function eligibleMap(voters: ReadonlyArray<{ userId: string; binding: boolean }>): Map<string, boolean> {
  const binding = new Map<string, boolean>();
  for (const voter of voters) binding.set(voter.userId, (binding.get(voter.userId) ?? false) || voter.binding);
  return binding;
}
