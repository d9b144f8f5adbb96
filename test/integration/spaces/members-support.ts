// Spaces with members for the membership tests, made the way the app makes them.
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { SpaceRole } from "@/lib/policy-resource";
import { createSpaceInput } from "@/lib/spaces/schema";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { createUser, eventsFor, unique } from "@/test/support/factories";

export type User = Awaited<ReturnType<typeof createUser>>;
export const actorOf = (user: User): Actor => ({ id: user.id, name: user.name, email: user.email });

/** A space made the way the app makes it (with its charter), plus extra members added directly. */
export async function spaceWith({ visibility = "public", members = [] }: { visibility?: "public" | "private"; members?: SpaceRole[] } = {}) {
  const owner = await createUser({ name: "Ada" });
  const slug = unique("lumen");
  const created = await createSpace(actorOf(owner), createSpaceInput.parse({ slug, name: "Lumen Collective", visibility }));
  if (!created.ok) throw new Error(`createSpace failed: ${created.error.code}`);
  const space = await db.space.findUniqueOrThrow({ where: { slug } });
  const others: User[] = [];
  for (const role of members) {
    const user = await createUser();
    await db.membership.create({ data: { spaceId: space.id, userId: user.id, role } });
    others.push(user);
  }
  return { space, owner, others };
}

export async function rolesIn(spaceId: string) {
  const rows = await db.membership.findMany({ where: { spaceId }, select: { userId: true, role: true }, orderBy: { userId: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.userId, r.role]));
}

export const eventCount = async (spaceId: string) => (await eventsFor({ spaceId })).length;

