// Unique users and spaces per test, so tests never depend on each other or on their order.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { SpaceRole } from "@/lib/policy-resource";

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createUser(overrides: { name?: string; isDemo?: boolean } = {}) {
  const handle = unique("user");
  return db.user.create({
    data: { name: overrides.name ?? handle, email: `${handle}@example.test`, isDemo: overrides.isDemo ?? false },
  });
}

export async function createSpace({
  visibility = "public",
  members = [],
}: { visibility?: "public" | "private"; members?: Array<{ userId: string; role: SpaceRole }> } = {}) {
  const slug = unique("space");
  return db.space.create({
    data: { slug, name: `Space ${slug}`, visibility, memberships: { create: members } },
  });
}

export async function eventsFor(where: { spaceId?: string | null; type?: string; actorId?: string }) {
  return db.governanceEvent.findMany({ where, orderBy: { id: "asc" } });
}
