// Runs the job queue inside each app instance. graphile-worker takes jobs with SKIP LOCKED, so any number
// of instances can share one database; LISTEN/NOTIFY wakes a worker as soon as a job commits.
import { Logger, run, runOnce, type JobHelpers, type Runner, type TaskList } from "graphile-worker";
import { jobCatalog, type JobName } from "@/lib/jobs/catalog";
import { jobHandlers, type JobHandlers } from "@/lib/jobs/tasks";
import { logError } from "@/lib/log";

const state = globalThis as unknown as { commonweightsJobs?: Promise<Runner> };

// Only warnings and errors: a job's routine progress is not worth a log line.
const logger = new Logger((scope) => (level, message, meta) => {
  if (level === "error" || level === "warning") logError(`job queue (${scope.taskIdentifier ?? "worker"})`, `${message} ${meta ? JSON.stringify(meta) : ""}`);
});

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

/** Starts this instance's workers once (Next.js may call register() more than once in dev). */
export function startJobRunner(connectionString: string): Promise<Runner> {
  state.commonweightsJobs ??= run({ ...options(connectionString), taskList: taskList() });
  return state.commonweightsJobs;
}

export async function stopJobRunner(): Promise<void> {
  const runner = state.commonweightsJobs;
  state.commonweightsJobs = undefined;
  if (runner) await (await runner).stop();
}

/** Runs every job that is due now, then returns: for tests, benchmarks and scripts. */
export async function runDueJobs(connectionString: string, handlers: JobHandlers = jobHandlers): Promise<void> {
  await runOnce({ ...options(connectionString), taskList: taskList(handlers) });
}
