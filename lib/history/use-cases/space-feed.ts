// A space's Atom feed of its latest events.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { spaceHistory } from "@/lib/history/use-cases/space-history";
import { atomFeed } from "@/lib/record/atom";

export async function spaceFeed(actor: Actor | null, slug: string, origin: string, now: Date): Promise<string> {
  const { space, events, names, titles } = await spaceHistory(actor, slug, {}, { limit: 50 });
  return atomFeed({ origin, space, events, names, titles, now });
}
