// The job catalog: every kind of background job, with the zod schema of its payload. Jobs are enqueued
// in the transaction of the change that causes them (lib/jobs/enqueue.ts) and run by lib/jobs/runner.ts.
import { z } from "zod";

export const jobCatalog = {
  // Proves the queue end to end (tests and `npm run admin`); does nothing else.
  "queue.ping": z.strictObject({ note: z.string().max(200) }),
} satisfies Record<string, z.ZodType>;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]>;
