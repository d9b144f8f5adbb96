// Closing a decision before its deadline, when the charter allows it and the outcome can no longer change.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { charterAtVersion } from "@/lib/charter/data";
import { settleDecision } from "@/lib/decisions/mutations/settle-decision";
import { loadDecision } from "@/lib/decisions/use-cases/load-decision";
import { releaseGate } from "@/lib/decisions/use-cases/settle-if-due";
import { fail, ok, type Result } from "@/lib/result";

export async function closeDecision(actor: Actor | null, input: { decisionId: string }, now = new Date()): Promise<Result<{ status: string; explanation: string }>> {
  const { row, access } = await loadDecision(actor, input.decisionId, "decision.close", now);
  if (row.status !== "open") return fail("VOTING_CLOSED", "This decision is already closed.", "conflict");
  // The rules of the charter version the decision opened under, not of a later amendment.
  const charter = await charterAtVersion(access.space.id, row.charterVersion);
  const kind = row.kind as keyof typeof charter.decisions;
  if (!charter.decisions[kind]?.earlyClose) {
    return fail("EARLY_CLOSE_NOT_ALLOWED", `The charter (version ${row.charterVersion}, under which this decision opened) does not allow closing ${kind} decisions before ${row.closesAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`, "rule");
  }
  const gate = row.kind === "release" && row.releaseId ? await releaseGate(row.releaseId) : undefined;
  // settleDecision refuses (and writes nothing) unless the outcome can no longer change.
  const settled = await settleDecision({ decisionId: row.id, now, actorId: actor!.id, closedBy: "early", gate });
  if (!settled.settled && settled.notFinal) return fail("OUTCOME_NOT_FINAL", settled.notFinal, "rule");
  if (!settled.settled) return fail("VOTING_CLOSED", "This decision was closed at the same moment by someone else.", "conflict");
  return ok({ status: settled.outcome.status, explanation: settled.outcome.explanation });
}
