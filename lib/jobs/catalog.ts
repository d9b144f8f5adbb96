// The job catalog: every kind of background job, with the zod schema of its payload. Jobs are enqueued
// in the transaction of the change that causes them (lib/jobs/enqueue.ts) and run by lib/worker/runner.ts.
import { z } from "zod";

export const jobCatalog = {
  // Proves the queue end to end (tests and `npm run admin`); does nothing else.
  "queue.ping": z.strictObject({ note: z.string().max(200) }),
  // One per appended event of a space with a matching webhook (lib/record/after-append.ts): creates its deliveries.
  "webhooks.fan-out": z.strictObject({ eventId: z.uuid() }),
  // One attempt of one webhook delivery (lib/webhooks/deliver.ts); the attempt number makes stale jobs no-ops.
  "webhooks.deliver": z.strictObject({ deliveryId: z.string().min(1).max(80), attempt: z.int().min(1).max(10_000) }),
} satisfies Record<string, z.ZodType>;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]>;
