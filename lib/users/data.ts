// Reads of users.
import "server-only";
import { db } from "@/lib/db";
import { publicName } from "@/lib/users/public-name";

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, name: true } });
}

/** Display names for a set of user ids, in one query (for timelines and lists). */
export async function userNames(ids: Iterable<string | null | undefined>): Promise<Record<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => typeof id === "string" && id !== ""))];
  if (unique.length === 0) return {};
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return Object.fromEntries(users.map((u) => [u.id, publicName(u)]));
}

export async function namesFor(ids: Array<string | null>): Promise<Map<string, string>> {
  return new Map(Object.entries(await userNames(ids)));
}

/** Spaces a viewer may see: public ones, and private ones the viewer is a member of (the same rule as listVisibleSpaces). */
const visibleTo = (viewerId: string | null) =>
  viewerId ? { OR: [{ visibility: "public" as const }, { memberships: { some: { userId: viewerId } } }] } : { visibility: "public" as const };

/** A person as anyone may see them: never the e-mail; sign-in providers by name only; spaces the viewer can see. */
export async function getPublicProfile(userId: string, viewerId: string | null) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      isDemo: true,
      createdAt: true,
      accounts: { select: { provider: true }, distinct: ["provider"], orderBy: { provider: "asc" } },
      memberships: {
        where: { space: visibleTo(viewerId) },
        orderBy: { joinedAt: "asc" },
        take: 100,
        select: { role: true, joinedAt: true, space: { select: { id: true, slug: true, name: true, visibility: true } } },
      },
    },
  });
}

/** The person's recent governance events in spaces the viewer can see (their instance-level events stay private). */
export async function publicActivityOf(userId: string, viewerId: string | null, limit = 20) {
  const events = await db.governanceEvent.findMany({
    where: { actorId: userId, space: visibleTo(viewerId) },
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      type: true,
      typeVersion: true,
      actorId: true,
      subject: true,
      data: true,
      createdAt: true,
      hash: true,
      space: { select: { id: true, slug: true, name: true } },
    },
  });
  const positions = events.length ? await db.eventPosition.findMany({ where: { eventId: { in: events.map((e) => e.id) } }, select: { eventId: true, seq: true } }) : [];
  const seqOf = new Map(positions.map((p) => [p.eventId, p.seq]));
  return events.map((e) => ({ ...e, seq: seqOf.get(e.id) ?? null }));
}
