// Runs the job queue inside each app instance. graphile-worker takes jobs with SKIP LOCKED, so any number
// of instances can share one database; LISTEN/NOTIFY wakes a worker as soon as a job commits.
import { Logger, makeWorkerUtils, parseCronItems, run, runOnce, type JobHelpers, type Runner, type TaskList } from "graphile-worker";
import { jobCatalog, type JobName } from "@/lib/jobs/catalog";
import { jobHandlers, type JobHandlers } from "@/lib/worker/tasks";
import { logError } from "@/lib/log";
import pg from "pg";

const state = globalThis as unknown as { commonweightsJobs?: Promise<Runner>; commonweightsJobSweep?: ReturnType<typeof setInterval> };

// Only warnings and errors: a job's routine progress is not worth a log line.
const logger = new Logger((scope) => (level, message, meta) => {
  if (level === "error" || level === "warning") logError(`job queue (${scope.taskIdentifier ?? "worker"})`, `${message} ${meta ? JSON.stringify(meta) : ""}`);
});

// The digests: every day at 07:00 UTC, and on Mondays for the weekly one; a run missed while every instance
// was down is made up within 12 hours. Cron items, not crontab text: the text format refuses dots in task names.
export const cronItems = () =>
  parseCronItems([
    { task: "notify.digest", match: "0 7 * * *", identifier: "digest-daily", options: { backfillPeriod: 12 * 3600_000 }, payload: { period: "daily" } },
    { task: "notify.digest", match: "0 7 * * 1", identifier: "digest-weekly", options: { backfillPeriod: 12 * 3600_000 }, payload: { period: "weekly" } },
  ]);

/** The handlers as graphile-worker tasks: a payload that does not match its schema fails the job. */
export function taskList(handlers: JobHandlers = jobHandlers): TaskList {
  const list: TaskList = {};
  for (const name of Object.keys(jobCatalog) as JobName[]) {
    const handler = handlers[name] as (payload: unknown, helpers: JobHelpers) => Promise<void>;
    list[name] = async (payload, helpers) => handler(jobCatalog[name].parse(payload), helpers);
  }
  return list;
}

function options(connectionString: string) {
  return {
    connectionString,
    concurrency: Number(process.env.CW_JOB_CONCURRENCY ?? 2),
    pollInterval: Number(process.env.CW_JOB_POLL_MS ?? 2_000),
    noHandleSignals: true,
    logger,
  };
}

/**
 * Frees the jobs of workers that died holding them. graphile-worker itself unlocks a job only 4 hours after
 * its lock; our jobs are short (one batch, one e-mail: seconds) and idempotent (a dedupe key per inbox row,
 * a row lock and a state per e-mail), so a job locked for longer than `olderThanMs` belongs to a dead worker,
 * and even if not, running it twice changes nothing. Returns the worker ids it unlocked.
 */
export async function unlockStaleJobs(connectionString: string, olderThanMs = Number(process.env.CW_JOB_LOCK_TIMEOUT_MS ?? 300_000)): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  let workerIds: string[];
  try {
    const { rows } = await client.query<{ locked_by: string }>(
      `SELECT DISTINCT locked_by FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL AND locked_at <= now() - make_interval(secs => $1::double precision / 1000)
       UNION SELECT DISTINCT locked_by FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL AND locked_at <= now() - make_interval(secs => $1::double precision / 1000)`,
      [olderThanMs],
    );
    workerIds = rows.map((row) => row.locked_by);
  } finally {
    await client.end();
  }
  if (workerIds.length === 0) return [];
  const utils = await makeWorkerUtils({ connectionString, logger });
  try {
    await utils.forceUnlockWorkers(workerIds);
  } finally {
    await utils.release();
  }
  return workerIds;
}

function sweepStaleLocks(connectionString: string): void {
  unlockStaleJobs(connectionString).catch((error: unknown) => logError("the job queue could not free stale locks", error));
}

/** Starts this instance's workers once (Next.js may call register() more than once in dev). */
export function startJobRunner(connectionString: string): Promise<Runner> {
  if (!state.commonweightsJobs) {
    // At start, and every minute after: a crashed instance's jobs run again within minutes, not hours.
    sweepStaleLocks(connectionString);
    state.commonweightsJobSweep = setInterval(() => sweepStaleLocks(connectionString), 60_000);
    state.commonweightsJobSweep.unref();
    state.commonweightsJobs = run({ ...options(connectionString), taskList: taskList(), parsedCronItems: cronItems() });
  }
  return state.commonweightsJobs;
}

export async function stopJobRunner(): Promise<void> {
  const runner = state.commonweightsJobs;
  state.commonweightsJobs = undefined;
  if (state.commonweightsJobSweep) clearInterval(state.commonweightsJobSweep);
  if (runner) await (await runner).stop();
}

/** Runs every job that is due now, then returns: for tests, benchmarks and scripts. */
export async function runDueJobs(connectionString: string, handlers: JobHandlers = jobHandlers): Promise<void> {
  await runOnce({ ...options(connectionString), taskList: taskList(handlers) });
}
