// Next.js calls register() once per server instance at start: it starts the record's sequencer timer, checks the
// witness list (sealing enqueues submissions to it as jobs: docs/preserve.md), the timer that pulls live
// mirrors from their origins (lib/archive/mirror/), and this instance's share of the job queue (CW_JOBS=0
// leaves jobs to other instances).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startSequencerTimer } = await import("@/lib/record/sequencer-timer");
  startSequencerTimer();
  const [{ configuredWitnesses }, { logError }] = await Promise.all([import("@/lib/record/witness/config"), import("@/lib/log")]);
  const witnesses = configuredWitnesses();
  // A broken witness list must not stop the instance: checkpoints are sealed and served without cosignatures.
  if (!witnesses.ok) logError("witnesses are not configured", witnesses.error);
  const { startMirrorTimer } = await import("@/lib/archive/mirror/mirror-timer");
  startMirrorTimer();
  if (process.env.CW_JOBS === "0") return;
  const { startJobRunner } = await import("@/lib/worker/runner");
  startJobRunner(process.env.DATABASE_URL).catch((error: unknown) => logError("the job queue did not start", error));
}
