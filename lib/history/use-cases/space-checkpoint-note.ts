// A space's latest checkpoint as a C2SP signed note (with witnesses' cosignatures), under the same policy as its history.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { latestNote } from "@/lib/record/checkpoint-note";
import { fail, ok, type Result } from "@/lib/result";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";

export async function spaceCheckpointNote(actor: Actor | null, slug: string): Promise<Result<string>> {
  const { logId } = await openSpaceLog(actor, slug);
  const note = await latestNote(logId);
  return note ? ok(note) : fail("NO_CHECKPOINT", "This space's log has no checkpoint yet.", "not_found");
}
