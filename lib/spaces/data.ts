// Reads of spaces. Visibility filtering happens in the query: private spaces never leave the database
// for someone who is not a member.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { SpaceRole } from "@/lib/policy-resource";

const spaceColumns = {
  id: true,
  slug: true,
  name: true,
  description: true,
  visibility: true,
  homepageUrl: true,
  sourceUrl: true,
  hfOrg: true,
  createdAt: true,
} as const;

export async function listVisibleSpaces({ viewerId, take = 50 }: { viewerId: string | null; take?: number }) {
  return db.space.findMany({
    where: viewerId
      ? { OR: [{ visibility: "public" }, { memberships: { some: { userId: viewerId } } }] }
      : { visibility: "public" },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      ...spaceColumns,
      _count: { select: { memberships: true } },
      memberships: viewerId ? { where: { userId: viewerId }, select: { role: true } } : false,
    },
  });
}

export type SpaceAccess = {
  space: {
    id: string;
    slug: string;
    name: string;
    description: string;
    visibility: "public" | "private";
    homepageUrl: string | null;
    sourceUrl: string | null;
    hfOrg: string | null;
    createdAt: Date;
    /** Where a read-only mirror is governed (lib/archive/), else null. */
    mirrorOf: string | null;
  };
  role: SpaceRole | null;
};

/** The facts lib/policy.ts decides on about a space, for the actor of an access. */
export type SpaceFacts = { visibility: "public" | "private"; role: SpaceRole | null; mirrorOf: string | null };
export const spaceFacts = (access: SpaceAccess): SpaceFacts => ({ visibility: access.space.visibility, role: access.role, mirrorOf: access.space.mirrorOf });

/**
 * A space by slug with the viewer's role in it; null when there is no such space. A page's layout, its page and
 * the use cases they call each ask for the same space and role: React's cache() answers them from one read per
 * render (it is scoped to one request and keyed by viewer, so nothing is shared between people; outside a render,
 * in actions and route handlers, every call reads afresh).
 *
 * A server action's write cannot be hidden by it from the page re-rendered in the same response (checked in Next
 * 16.4.6 and its React): the action runs to completion before the render starts
 * (next/dist/server/app-render/action-handler.js: executeActionAndPrepareForRender is awaited, then generateFlight),
 * and outside a render React's cache() has no Flight request, so getCacheForType hands each call a new Map
 * (react-server-dom-webpack-server: `resolveRequest() ? request.cache : new Map()`): nothing the action read is
 * kept. The re-render is a new Flight request (renderToReadableStream) with an empty cache, so it reads after the write.
 */
export const getSpaceAccess = cache(async (slug: string, viewerId: string | null): Promise<SpaceAccess | null> => {
  const space = await db.space.findUnique({
    where: { slug },
    select: {
      ...spaceColumns,
      origin: { select: { mode: true, instance: true, originSlug: true } },
      memberships: viewerId ? { where: { userId: viewerId }, select: { role: true } } : false,
    },
  });
  if (!space) return null;
  const { memberships, origin, ...rest } = space;
  const mirrorOf = origin?.mode === "mirror" ? `${origin.instance}/s/${origin.originSlug}` : null;
  return { space: { ...rest, mirrorOf }, role: (memberships as Array<{ role: SpaceRole }> | undefined)?.[0]?.role ?? null };
});

export async function spaceCounts(spaceId: string) {
  const [members, events] = await Promise.all([
    db.membership.count({ where: { spaceId } }),
    db.governanceEvent.count({ where: { spaceId } }),
  ]);
  return { members, events };
}
