// Space writes; each appends its governance event in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendEvent } from "@/lib/record/append";
import type { Charter } from "@/lib/charter/rules";
import { roleName } from "@/lib/roles";
import type { CreateSpaceInput, UpdateSpaceInput } from "@/lib/spaces/schema";

/** The space, its first owner and its first charter version, or nothing at all. */
export async function insertSpace({ input, ownerId, charter }: { input: CreateSpaceInput; ownerId: string; charter: Charter }) {
  return db.$transaction(async (tx) => {
    const space = await tx.space.create({
      data: {
        slug: input.slug,
        name: input.name,
        description: input.description,
        visibility: input.visibility,
        homepageUrl: input.homepageUrl,
        sourceUrl: input.sourceUrl,
        hfOrg: input.hfOrg,
        memberships: { create: { userId: ownerId, role: roleName.owner } }, // whoever creates a space owns it
        charters: { create: { version: 1, charter: charter as Prisma.InputJsonObject, reason: "Default charter", createdById: ownerId } },
      },
      select: { id: true, slug: true, name: true },
    });
    const event = await appendEvent(tx, {
      spaceId: space.id,
      actorId: ownerId,
      type: "space.created",
      subject: { spaceId: space.id },
      data: { slug: input.slug, name: input.name, visibility: input.visibility, charterVersion: 1 },
    });
    return { ...space, receipt: event.receipt };
  });
}

export async function saveSpaceSettings({ spaceId, actorId, input }: { spaceId: string; actorId: string; input: UpdateSpaceInput }) {
  return db.$transaction(async (tx) => {
    const before = await tx.space.findUniqueOrThrow({ where: { id: spaceId } });
    const after = { name: input.name, description: input.description, visibility: input.visibility, homepageUrl: input.homepageUrl, sourceUrl: input.sourceUrl, hfOrg: input.hfOrg };
    const changed = Object.fromEntries(
      Object.entries(after).filter(([key, value]) => before[key as keyof typeof after] !== value),
    );
    if (Object.keys(changed).length === 0) return { changed: [] as string[], receipt: null };
    await tx.space.update({ where: { id: spaceId }, data: after });
    const event = await appendEvent(tx, {
      spaceId,
      actorId,
      type: "space.updated",
      subject: { spaceId },
      // The description can be long; the record keeps which fields changed and the short ones' values.
      data: { changed: Object.keys(changed), values: { ...changed, ...(changed.description !== undefined ? { description: "(changed)" } : {}) } },
    });
    return { changed: Object.keys(changed), receipt: event.receipt };
  });
}
