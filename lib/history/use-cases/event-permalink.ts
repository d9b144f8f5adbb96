// An event's permalink page: the event at its position, verified, with the names and titles it mentions.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { permalink } from "@/lib/history/use-cases/permalink";
import { subjectTitles } from "@/lib/record/data";
import { ok } from "@/lib/result";
import { namesFor } from "@/lib/users/data";
import { peopleNamedIn } from "@/lib/record/describe";

export async function eventPermalink(actor: Actor | null, slug: string, seq: number) {
  const { space, logId } = await openSpaceLog(actor, slug);
  const view = await permalink(logId, seq);
  if (!view.ok) return view;
  // The titles of what the event is about, from this space only: they name the links to its subjects.
  const [names, titles] = await Promise.all([
    namesFor(peopleNamedIn(view.data.event)),
    subjectTitles(space.id, [view.data.event]),
  ]);
  return ok({ ...view.data, space, names: Object.fromEntries(names), titles });
}
