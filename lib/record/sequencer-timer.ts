// Runs the sequencer shortly after commits: every instance polls the queue; the advisory lock lets one win per log.
import { logError } from "@/lib/log";
import { sequenceAll } from "@/lib/record/sequencer";

const INTERVAL_MS = Number(process.env.CW_SEQUENCER_INTERVAL_MS ?? 500);
const state = globalThis as unknown as { commonweightsSequencer?: NodeJS.Timeout };

export function startSequencerTimer(): void {
  if (state.commonweightsSequencer) return;
  let running = false;
  state.commonweightsSequencer = setInterval(() => {
    if (running) return;
    running = true;
    sequenceAll()
      .catch((error: unknown) => logError("the record sequencer failed", error))
      .finally(() => (running = false));
  }, INTERVAL_MS);
  state.commonweightsSequencer.unref();
}
