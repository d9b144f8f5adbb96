// Enqueues a background job inside the caller's transaction (an outbox): the job exists if and only if
// the change that caused it committed, so a crash between commit and delivery loses nothing.
import type { Tx } from "@/lib/db";
import { jobCatalog, type JobName, type JobPayload } from "@/lib/jobs/catalog";

export type JobOptions = {
  runAt?: Date;
  // A job key makes enqueueing idempotent: a second job with the same key replaces the pending one.
  jobKey?: string;
  maxAttempts?: number;
  // Jobs in one queue run one at a time, in order.
  queue?: string;
};

export async function enqueueJob<N extends JobName>(
  tx: Tx,
  name: N,
  payload: JobPayload<N>,
  options: JobOptions = {},
): Promise<void> {
  const parsed = jobCatalog[name].parse(payload);
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier => ${name}::text,
      payload => ${JSON.stringify(parsed)}::json,
      queue_name => ${options.queue ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${options.maxAttempts ?? null}::int,
      job_key => ${options.jobKey ?? null}::text
    )`;
}

/** Enqueues many jobs of one kind in one statement (a fan-out's batch), inside the caller's transaction. */
export async function enqueueJobs<N extends JobName>(tx: Tx, name: N, jobs: Array<{ payload: JobPayload<N>; options?: JobOptions }>): Promise<void> {
  if (jobs.length === 0) return;
  const specs = jobs.map(({ payload, options = {} }) => ({
    identifier: name,
    payload: jobCatalog[name].parse(payload),
    queue_name: options.queue ?? null,
    run_at: options.runAt?.toISOString() ?? null,
    max_attempts: options.maxAttempts ?? null,
    job_key: options.jobKey ?? null,
  }));
  await tx.$executeRaw`
    SELECT graphile_worker.add_jobs(array(SELECT json_populate_recordset(null::graphile_worker.job_spec, ${JSON.stringify(specs)}::json)), false)`;
}
