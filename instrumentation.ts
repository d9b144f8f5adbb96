// Next.js calls register() once per server instance at start: it starts the record's sequencer timer and
// this instance's share of the job queue (CW_JOBS=0 leaves jobs to other instances).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startSequencerTimer } = await import("@/lib/record/sequencer-timer");
  startSequencerTimer();
  if (process.env.CW_JOBS === "0") return;
  const { startJobRunner } = await import("@/lib/worker/runner");
  const { logError } = await import("@/lib/log");
  startJobRunner(process.env.DATABASE_URL).catch((error: unknown) => logError("the job queue did not start", error));
}
