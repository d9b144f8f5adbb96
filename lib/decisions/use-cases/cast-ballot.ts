// Casting (or changing) a ballot: the policy on fresh standing, the frozen eligibility and method, one write.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getDecision, getVotingInfo, voterStanding } from "@/lib/decisions/data";
import { recordBallot } from "@/lib/decisions/mutations";
import { requiresReason, validateChoice } from "@/lib/decisions/methods/validate";
import { isDue } from "@/lib/decisions/rules";
import { asMissingDecision, noSuchDecision } from "@/lib/decisions/use-cases/load-decision";
import { settleIfDue } from "@/lib/decisions/use-cases/settle-if-due";
import { authorize } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";

export type BallotReceipt = { decisionId: string; receipt: string; castAt: string; binding: boolean; changed: boolean };

/**
 * The ballot path: the policy first, on the space's visibility and the voter's role read fresh (one indexed
 * read), then the frozen facts in memory (eligibility, method), then one write statement. The write checks
 * again that the voter is a member, as a guard against a removal racing the ballot.
 */
export async function castBallot(
  actor: Actor | null,
  input: { decisionId: string; choice: unknown; reason?: string },
  now = new Date(),
): Promise<Result<BallotReceipt>> {
  const info = await getVotingInfo(input.decisionId);
  if (!info) return fail("NOT_FOUND", "No such decision.", "not_found");
  await authorizeBallot(actor, info.spaceId);
  const binding = info.binding.get(actor!.id);
  if (binding === undefined) {
    return fail("NOT_ELIGIBLE", "You were not among the eligible voters when this decision opened, so you cannot vote on it.", "forbidden");
  }
  const choice = validateChoice(info.method, info.params, input.choice);
  if (!choice.ok) return fail(choice.code, choice.message, "invalid", { choice: [choice.message] });
  const reason = input.reason?.trim() || null;
  if (requiresReason(info.method, choice.value, binding) && !reason) {
    return fail("REASON_REQUIRED", "A binding -1 is a veto here, and a veto must say why: add a reason.", "rule", { reason: ["Say why you veto"] });
  }
  if (!isDue({ closesAt: info.closesAt, now })) {
    const cast = await recordBallot({ decisionId: info.id, spaceId: info.spaceId, releaseId: info.releaseId, voterId: actor!.id, binding, choice: choice.value, reason, now });
    if (cast.ok) return ok({ decisionId: info.id, receipt: cast.data.receipt, castAt: cast.data.castAt.toISOString(), binding, changed: cast.data.changed });
  }
  // Refused by the write (or past the deadline): closed, cancelled, or the voter left the space meanwhile.
  const row = await getDecision(info.id);
  if (row?.status === "open" && isDue({ closesAt: row.closesAt, now })) await settleIfDue(row, now);
  if (row?.status === "open" && !isDue({ closesAt: row.closesAt, now })) await authorizeBallot(actor, info.spaceId);
  const when = row?.status === "cancelled" ? "was cancelled" : `closed at ${(row?.closedAt ?? info.closesAt).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return fail("VOTING_CLOSED", `Voting on this decision ${when}; your ballot was not recorded.`, "conflict");
}

/** The policy's answer for a ballot in this space now; a private space the voter cannot see looks like a missing decision. */
async function authorizeBallot(actor: Actor | null, spaceId: string): Promise<void> {
  const standing = await voterStanding(spaceId, actor?.id ?? null);
  if (!standing) throw noSuchDecision();
  await asMissingDecision(() => authorize(actor, "ballot.cast", { space: standing }));
}
