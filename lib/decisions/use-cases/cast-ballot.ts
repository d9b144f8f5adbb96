// Casting (or changing) a ballot: the policy on the voter's remembered standing, the frozen eligibility and
// method, then one write statement that holds only while that standing does.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { cachedVoterStanding, getDecision, getVotingInfo, voterStanding, type VoterStanding } from "@/lib/decisions/data";
import { recordBallot } from "@/lib/decisions/mutations";
import { voterOnList } from "@/lib/charter/eligible-voter";
import { requiresReason, validateChoice } from "@/lib/decisions/methods/validate";
import { isDue } from "@/lib/decisions/rules";
import { asMissingDecision, noSuchDecision } from "@/lib/decisions/use-cases/load-decision";
import { settleIfDue } from "@/lib/decisions/use-cases/settle-if-due";
import { authorize, can } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";

export type BallotReceipt = { decisionId: string; receipt: string; castAt: string; binding: boolean; changed: boolean };

/**
 * The ballot path. The policy decides first, on the standing (the space's visibility, the voter's role) this
 * instance last read; a denial is decided again on a fresh read, since the cache may be behind a join. Then
 * the frozen facts in memory (eligibility, method; a user votes as the person on the list they stand for, see
 * lib/charter/eligible-voter.ts), then one write statement, which writes only while that
 * standing still holds. If it writes nothing, the standing is read fresh and decided again: a space made
 * private answers NOT_FOUND, a removed voter FORBIDDEN, a changed role that may still vote is retried once,
 * and otherwise voting closed. The hot path is that one statement.
 */
export async function castBallot(
  actor: Actor | null,
  input: { decisionId: string; choice: unknown; reason?: string },
  now = new Date(),
): Promise<Result<BallotReceipt>> {
  const info = await getVotingInfo(input.decisionId);
  if (!info) return fail("NOT_FOUND", "No such decision.", "not_found");
  const remembered = actor ? cachedVoterStanding(info.spaceId, actor.id) : undefined;
  let standing = remembered && can(actor, "ballot.cast", { space: remembered }).allow ? remembered : await authorizeBallot(actor, info.spaceId);
  const actorId = actor!.id;
  let onList = voterOnList({ userId: actorId, standsFor: standing.standsFor, eligible: info.binding });
  // The cache may predate a mapping (they are only ever added): a refusal is decided again on a fresh read.
  if (!onList.ok && standing === remembered) {
    standing = await authorizeBallot(actor, info.spaceId);
    onList = voterOnList({ userId: actorId, standsFor: standing.standsFor, eligible: info.binding });
  }
  if (!onList.ok) return fail(onList.code, onList.message, "forbidden");
  const { voterId, binding } = onList;
  const choice = validateChoice(info.method, info.params, input.choice);
  if (!choice.ok) return fail(choice.code, choice.message, "invalid", { choice: [choice.message] });
  const reason = input.reason?.trim() || null;
  if (requiresReason(info.method, choice.value, binding) && !reason) {
    return fail("REASON_REQUIRED", "A binding -1 is a veto here, and a veto must say why: add a reason.", "rule", { reason: ["Say why you veto"] });
  }
  const write = (held: VoterStanding) =>
    recordBallot({
      decisionId: info.id,
      spaceId: info.spaceId,
      releaseId: info.releaseId,
      actorId,
      voterId,
      standing: { visibility: held.visibility, role: held.role! },
      binding,
      choice: choice.value,
      reason,
      now,
    });
  for (let attempt = 0; attempt < 2 && !isDue({ closesAt: info.closesAt, now }); attempt++) {
    const cast = await write(standing);
    if (cast.ok) return ok({ decisionId: info.id, receipt: cast.data.receipt, castAt: cast.data.castAt.toISOString(), binding, changed: cast.data.changed });
    const row = await getDecision(info.id);
    if (row?.status !== "open" || isDue({ closesAt: row.closesAt, now })) break;
    // Still open, so the standing changed under the ballot: decide again on what holds now.
    const fresh = await authorizeBallot(actor, info.spaceId);
    if (fresh.visibility === standing.visibility && fresh.role === standing.role) break;
    standing = fresh;
  }
  // Refused by the write (or past the deadline): closed or cancelled meanwhile.
  const row = await getDecision(info.id);
  if (row?.status === "open" && isDue({ closesAt: row.closesAt, now })) await settleIfDue(row, now);
  const when = row?.status === "cancelled" ? "was cancelled" : `closed at ${(row?.closedAt ?? info.closesAt).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return fail("VOTING_CLOSED", `Voting on this decision ${when}; your ballot was not recorded.`, "conflict");
}

/** The policy's answer on a fresh read; a private space the voter cannot see looks like a missing decision. */
async function authorizeBallot(actor: Actor | null, spaceId: string): Promise<VoterStanding> {
  const standing = await voterStanding(spaceId, actor?.id ?? null);
  if (!standing) throw noSuchDecision();
  await asMissingDecision(() => authorize(actor, "ballot.cast", { space: standing }));
  return standing;
}
