// Reads of spaces. Visibility filtering happens in the query: private spaces never leave the database
// for someone who is not a member.
import "server-only";
import { db } from "@/lib/db";

export async function listVisibleSpaces({ viewerId, take = 50 }: { viewerId: string | null; take?: number }) {
  return db.space.findMany({
    where: viewerId
      ? { OR: [{ visibility: "public" }, { memberships: { some: { userId: viewerId } } }] }
      : { visibility: "public" },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      visibility: true,
      _count: { select: { memberships: true } },
    },
  });
}
