// Reads an import checks before it writes: is the space, its slug or one of its people already here?
import "server-only";
import { db } from "@/lib/db";

export async function spaceIdTaken(spaceId: string): Promise<boolean> {
  return Boolean(await db.space.findUnique({ where: { id: spaceId }, select: { id: true } }));
}

export async function slugTaken(slug: string): Promise<boolean> {
  return Boolean(await db.space.findUnique({ where: { slug }, select: { id: true } }));
}

/** The first of these people who is someone of this instance, not a person who arrived with an earlier archive. */
export async function nativePersonAmong(ids: string[]): Promise<string | null> {
  return (await db.user.findFirst({ where: { id: { in: ids }, imported: null }, select: { id: true } }))?.id ?? null;
}
