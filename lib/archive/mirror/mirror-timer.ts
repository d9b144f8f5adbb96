// Pulls every following mirror on a schedule, like the sequencer's timer (no job queue has landed yet).
import { logError } from "@/lib/log";
import { followingMirrors } from "@/lib/archive/mirror/data";
import { followMirror } from "@/lib/archive/mirror/follow";

const INTERVAL_MS = Number(process.env.CW_MIRROR_INTERVAL_MS ?? 60_000);
const state = globalThis as unknown as { commonweightsMirrors?: NodeJS.Timeout };

export async function followAllMirrors(): Promise<void> {
  for (const mirror of await followingMirrors()) {
    const outcome = await followMirror(mirror.spaceId);
    if (outcome.status === "unreachable") logError(`mirror ${mirror.spaceId}`, outcome.detail);
  }
}

export function startMirrorTimer(): void {
  if (state.commonweightsMirrors || INTERVAL_MS <= 0) return;
  let running = false;
  state.commonweightsMirrors = setInterval(() => {
    if (running) return;
    running = true;
    followAllMirrors()
      .catch((error: unknown) => logError("following mirrors failed", error))
      .finally(() => (running = false));
  }, INTERVAL_MS);
  state.commonweightsMirrors.unref();
}
