// Reads of users.
import "server-only";
import { db } from "@/lib/db";

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, email: true, name: true } });
}

/** Display names for a set of user ids, in one query (for timelines and lists). */
export async function userNames(ids: Iterable<string | null | undefined>): Promise<Record<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => typeof id === "string" && id !== ""))];
  if (unique.length === 0) return {};
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return Object.fromEntries(users.map((u) => [u.id, u.name ?? u.email ?? "someone"]));
}

export async function namesFor(ids: Array<string | null>): Promise<Map<string, string>> {
  return new Map(Object.entries(await userNames(ids)));
}
