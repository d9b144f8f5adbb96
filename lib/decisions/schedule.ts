// A decision's timed jobs, enqueued in the transaction that opens it: the deadline (close and apply effects
// on time; close-on-first-read stays as the fallback) and the reminder 24 hours before. The job keys are per
// decision, so scheduling again (a deadline that changed) replaces the pending jobs instead of adding more.
import type { Tx } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { reminderAt } from "@/lib/notifications/rules";

export const deadlineJobKey = (decisionId: string) => `decision-deadline:${decisionId}`;
export const reminderJobKey = (decisionId: string) => `decision-reminder:${decisionId}`;

export async function scheduleDecisionJobs(tx: Tx, { decisionId, opensAt, closesAt }: { decisionId: string; opensAt: Date; closesAt: Date }): Promise<void> {
  await enqueueJob(tx, "decision.deadline", { decisionId }, { jobKey: deadlineJobKey(decisionId), runAt: closesAt });
  const remindAt = reminderAt({ opensAt, closesAt });
  if (remindAt) await enqueueJob(tx, "decision.reminder", { decisionId }, { jobKey: reminderJobKey(decisionId), runAt: remindAt });
}
