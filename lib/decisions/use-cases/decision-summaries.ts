// Decisions in a list (a space's, a release's): one summary each, with its ballot count, in reading order.
import "server-only";
import { countBallotsOf, type DecisionRow } from "@/lib/decisions/data";

export type DecisionSummary = {
  id: string;
  title: string;
  kind: string;
  method: string;
  status: "open" | "closed" | "cancelled";
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  releaseId: string | null;
  outcome: { status: string; explanation: string; winner?: string } | null;
  ballots: number;
  eligible: number;
};

function summaryOf(row: DecisionRow, ballots: number): DecisionSummary {
  const outcome = row.outcome as { status: string; explanation: string; winner?: string } | null;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    method: row.method,
    status: row.status,
    opensAt: row.opensAt.toISOString(),
    closesAt: row.closesAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    releaseId: row.releaseId,
    outcome: outcome ? { status: outcome.status, explanation: outcome.explanation, ...(outcome.winner ? { winner: outcome.winner } : {}) } : null,
    ballots,
    eligible: Array.isArray(row.eligibility) ? row.eligibility.length : 0,
  };
}

/** Open decisions first (closing soonest first), then closed and cancelled ones, newest first. */
function ordered(rows: DecisionRow[]): DecisionRow[] {
  const open = rows.filter((r) => r.status === "open").sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
  const done = rows.filter((r) => r.status !== "open").sort((a, b) => (b.closedAt ?? b.createdAt).getTime() - (a.closedAt ?? a.createdAt).getTime());
  return [...open, ...done];
}

export async function withBallotCounts(rows: DecisionRow[]): Promise<DecisionSummary[]> {
  const counts = await countBallotsOf(rows.map((r) => r.id));
  return ordered(rows).map((row) => summaryOf(row, counts[row.id] ?? 0));
}
