// Reads about users for sign-in and settings.
import "server-only";
import { db } from "@/lib/db";

export async function listDemoUsers() {
  return db.user.findMany({
    where: { isDemo: true },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      memberships: { select: { role: true, space: { select: { name: true } } }, take: 1, orderBy: { joinedAt: "asc" } },
    },
  });
}

export async function getProfile(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      image: true,
      isDemo: true,
      createdAt: true,
      accounts: { select: { provider: true, providerAccountId: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
}
