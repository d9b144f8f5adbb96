// The deadline job: closes a decision at its closing time through settleIfDue, the very code that
// close-on-first-read uses, so whichever comes first closes it and the other finds nothing to do.
import "server-only";
import { getDecision } from "@/lib/decisions/data";
import { isDue } from "@/lib/decisions/rules";
import { rescheduleDecisionJobs } from "@/lib/decisions/mutations";
import { settleIfDue } from "@/lib/decisions/use-cases/settle-if-due";

export async function closeAtDeadline(decisionId: string, now = new Date()): Promise<"closed" | "not-open" | "rescheduled"> {
  const row = await getDecision(decisionId);
  if (!row || row.status !== "open") return "not-open";
  if (!isDue({ closesAt: row.closesAt, now })) {
    // Woken early (the database's clock ahead of this one): run again at the deadline.
    await rescheduleDecisionJobs({ decisionId, opensAt: now, closesAt: row.closesAt });
    return "rescheduled";
  }
  await settleIfDue(row, now);
  return "closed";
}
