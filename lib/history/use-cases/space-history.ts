// A page of a space's history, with the names and subject titles it shows.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { listHistory, subjectTitles, type HistoryFilters } from "@/lib/record/data";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { namesFor } from "@/lib/users/data";
import { peopleNamedIn } from "@/lib/record/describe";

export async function spaceHistory(actor: Actor | null, slug: string, filters: HistoryFilters, page: { before?: bigint; limit?: number }) {
  const { space, role, logId } = await openSpaceLog(actor, slug);
  const { events, nextBefore } = await listHistory(space.id, filters, page);
  const [names, titles] = await Promise.all([
    namesFor(events.flatMap(peopleNamedIn)),
    subjectTitles(space.id, events),
  ]);
  return { space, role, logId, events, nextBefore, names: Object.fromEntries(names), titles };
}
