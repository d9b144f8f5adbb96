// Next.js calls register() once per server instance at start: it starts the record's sequencer timer, and the timer
// that pulls live mirrors from their origins (lib/archive/mirror/).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startSequencerTimer } = await import("@/lib/record/sequencer-timer");
  startSequencerTimer();
  const { startMirrorTimer } = await import("@/lib/archive/mirror/mirror-timer");
  startMirrorTimer();
}
