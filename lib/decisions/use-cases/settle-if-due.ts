// The lazy close: any read or action that finds a decision past its closing time closes it first (no scheduler needed).
import "server-only";
import { auditGateForRelease } from "@/lib/audits/release-gate";
import { settleDecision } from "@/lib/decisions/mutations/settle-decision";
import { isDue, type GateView } from "@/lib/decisions/rules";

/** The audits gate of a release, as a release decision records it when it settles. */
export async function releaseGate(releaseId: string): Promise<GateView> {
  const gate = await auditGateForRelease(releaseId);
  return { blocked: gate.blocked, reasons: gate.reasons.map(({ code, message }) => ({ code, message })) };
}

/**
 * Closes a decision at its deadline if it is due; safe to call from any number of requests at once.
 * Returns true when it was due (so the caller re-reads it), false when nothing changed.
 */
export async function settleIfDue(decision: { id: string; status: string; closesAt: Date; kind: string; releaseId: string | null }, now = new Date()): Promise<boolean> {
  if (decision.status !== "open" || !isDue({ closesAt: decision.closesAt, now })) return false;
  const gate = decision.kind === "release" && decision.releaseId ? await releaseGate(decision.releaseId) : undefined;
  // Whoever loses the race finds no open row to claim; either way the decision is closed when this returns.
  await settleDecision({ decisionId: decision.id, now, actorId: null, closedBy: "deadline", gate });
  return true;
}
