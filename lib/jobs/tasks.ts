// What each job in the catalog does. Features add their handlers here; the runner parses payloads first.
import type { JobHelpers } from "graphile-worker";
import type { JobName, JobPayload } from "@/lib/jobs/catalog";

export type JobHandlers = { [N in JobName]: (payload: JobPayload<N>, helpers: JobHelpers) => Promise<void> };

export const jobHandlers: JobHandlers = {
  "queue.ping": async (payload, helpers) => {
    helpers.logger.debug(`ping: ${payload.note}`);
  },
};
