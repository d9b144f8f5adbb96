// What each job in the catalog does. Features add their handlers here; the runner parses payloads first.
import type { JobHelpers } from "graphile-worker";
import type { JobName, JobPayload } from "@/lib/jobs/catalog";
import { deliverAttempt } from "@/lib/webhooks/deliver";
import { fanOutEvent } from "@/lib/webhooks/fan-out";

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
};
