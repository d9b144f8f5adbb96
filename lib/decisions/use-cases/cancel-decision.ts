// Cancelling an open decision, with a reason; no outcome is recorded.
import "server-only";
import type { Actor } from "@/lib/auth/session";
// The write shares this use case's name, so it is reached as mutations.cancelDecision.
import * as mutations from "@/lib/decisions/mutations";
import { loadDecision } from "@/lib/decisions/use-cases/load-decision";
import { fail, type Result } from "@/lib/result";

export async function cancelDecision(actor: Actor | null, input: { decisionId: string; reason: string }, now = new Date()): Promise<Result<{ receipt: string }>> {
  const { row } = await loadDecision(actor, input.decisionId, "decision.cancel", now);
  if (row.status !== "open") return fail("VOTING_CLOSED", "This decision is no longer open, so it cannot be cancelled.", "conflict");
  return mutations.cancelDecision({ decisionId: row.id, actorId: actor!.id, reason: input.reason, now });
}
