// The job catalog: every kind of background job, with the zod schema of its payload. Jobs are enqueued
// in the transaction of the change that causes them (lib/jobs/enqueue.ts) and run by lib/worker/runner.ts.
import { z } from "zod";

const id = z.string().min(1).max(100);
// graphile-worker adds _cron to the payload of a job its crontab scheduled.
const cron = z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional();

export const jobCatalog = {
  // Proves the queue end to end (tests and `npm run admin`); does nothing else.
  "queue.ping": z.strictObject({ note: z.string().max(200) }),
  // One per appended event of a space with a matching webhook (lib/record/after-append.ts): creates its deliveries.
  "webhooks.fan-out": z.strictObject({ eventId: z.uuid() }),
  // One attempt of one webhook delivery (lib/webhooks/deliver.ts); the attempt number makes stale jobs no-ops.
  "webhooks.deliver": z.strictObject({ deliveryId: z.string().min(1).max(80), attempt: z.int().min(1).max(10_000) }),
  // A decision's deadline (job key decision-deadline:<id>): closes it on time, as close-on-first-read would.
  "decision.deadline": z.strictObject({ decisionId: id }),
  // 24 hours before a deadline (job key decision-reminder:<id>): eligible voters who have not voted hear it.
  "decision.reminder": z.strictObject({ decisionId: id }),
  // One per notifying governance event (job key fan-out:<event id>): computes who hears it, writes the inbox.
  "notify.fan-out": z.strictObject({ eventId: z.string().regex(/^\d{1,19}$/) }),
  // One per notification owed an e-mail at once (job key mail:<notification id>).
  "notify.email": z.strictObject({ notificationId: id }),
  // A log's newest sealed checkpoint for the configured witnesses (job key witness:<log id>: a newer seal replaces a
  // pending one), enqueued in the sealing transaction (lib/record/mutations.ts), run by lib/record/witness/submit.ts.
  "witness.submit": z.strictObject({ logId: id, size: z.int().nonnegative() }),
  // An imported space's search rows, written after its import committed (lib/record/mutations/search.ts; job key
  // search-index:<space id>, one at a time in queue search-index).
  "search.index": z.strictObject({ spaceId: id }),
  // The daily and weekly digests, from the runner's crontab.
  "notify.digest": z.strictObject({ period: z.enum(["daily", "weekly"]), _cron: cron }),
} satisfies Record<string, z.ZodType>;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]>;

/**
 * The governance events people can hear about: appendEvent enqueues one notify.fan-out job for each, in the
 * event's own transaction. Ballots and the rest are not here: nobody is told about them.
 */
export const fanOutEventTypes: ReadonlySet<string> = new Set([
  "decision.opened",
  "decision.closed",
  "decision.cancelled",
  "release.approved",
  "release.published",
]);

/**
 * Events whose mentions notify (comment texts name members): appendEvent enqueues their fan-out only when the
 * event mentions someone, and the fan-out tells only the people mentioned (lib/notifications/mentions.ts).
 */
export const mentionEventTypes: ReadonlySet<string> = new Set(["comment.posted", "comment.edited"]);
