// Reading a space's governance record starts here: the policy first, then the log sequenced up to now.
// The history use cases sit above lib/record (which every feature writes through) because they authorize
// through lib/spaces and name actors through lib/users.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { hasQueuedEvents, type StoredEvent } from "@/lib/record/data";
import { contentOf } from "@/lib/record/event-content";
import { logIdOf, sequenceLog } from "@/lib/record/sequencer";
import { requireSpace } from "@/lib/spaces/access";

/** The space's log after the policy allowed reading it (private spaces answer NOT_FOUND to non-members). */
export async function openSpaceLog(actor: Actor | null, slug: string, { sequence = true }: { sequence?: boolean } = {}) {
  const { space, role } = await requireSpace(actor, slug, "history.view");
  const logId = logIdOf(space.id);
  // Read paths that show positions sequence first, so an event committed a moment ago already has its place.
  if (sequence && (await hasQueuedEvents(logId))) await sequenceLog(logId, { wait: true });
  return { space, role, logId };
}

/** An event as the API shows it: its content, versioned. */
export function eventJson(row: StoredEvent) {
  return { v: 1 as const, ...contentOf(row) };
}
