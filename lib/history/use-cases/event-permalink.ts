// An event's permalink page: the event at its position, verified, with the names it mentions.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { openSpaceLog } from "@/lib/history/use-cases/open-space-log";
import { permalink } from "@/lib/history/use-cases/permalink";
import { ok } from "@/lib/result";
import { namesFor } from "@/lib/users/data";

export async function eventPermalink(actor: Actor | null, slug: string, seq: number) {
  const { space, logId } = await openSpaceLog(actor, slug);
  const view = await permalink(logId, seq);
  if (!view.ok) return view;
  const names = await namesFor([view.data.event.actorId, ((view.data.event.subject ?? {}) as { userId?: string }).userId ?? null]);
  return ok({ ...view.data, space, names: Object.fromEntries(names) });
}
