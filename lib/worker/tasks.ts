// What each job in the catalog does. Features add their handlers here; the runner parses payloads first.
// This folder sits above the features (they enqueue through lib/jobs; only the worker imports them).
import type { JobHelpers } from "graphile-worker";
import { closeAtDeadline } from "@/lib/decisions/deadline-job";
import type { JobName, JobPayload } from "@/lib/jobs/catalog";
import { deliverEmail, sendDigests } from "@/lib/notifications/deliver";
import { fanOut, remindVoters } from "@/lib/notifications/fan-out";
import { deliverAttempt } from "@/lib/webhooks/deliver";
import { fanOutEvent } from "@/lib/webhooks/fan-out";
import { indexSearchBacklog } from "@/lib/record/mutations/search";
import { submitWitnessJob } from "@/lib/record/witness/submit";

export type JobHandlers = { [N in JobName]: (payload: JobPayload<N>, helpers: JobHelpers) => Promise<void> };

export const jobHandlers: JobHandlers = {
  "queue.ping": async (payload, helpers) => {
    helpers.logger.debug(`ping: ${payload.note}`);
  },
  "webhooks.fan-out": async ({ eventId }) => {
    await fanOutEvent(eventId);
  },
  "webhooks.deliver": async (payload) => {
    await deliverAttempt(payload);
  },
  "decision.deadline": async ({ decisionId }) => void (await closeAtDeadline(decisionId)),
  "decision.reminder": async ({ decisionId }) => void (await remindVoters(decisionId)),
  "notify.fan-out": async ({ eventId }) => void (await fanOut(eventId)),
  "notify.email": async ({ notificationId }) => void (await deliverEmail(notificationId)),
  "witness.submit": async ({ logId }) => void (await submitWitnessJob(logId)),
  "search.index": async ({ spaceId }) => void (await indexSearchBacklog(spaceId)),
  "notify.digest": async ({ period }) => void (await sendDigests(period)),
};
