// Reads of live mirrors: which follow their origin, and what each holds.
import "server-only";
import { db } from "@/lib/db";

export type FollowedMirror = { spaceId: string; instance: string; originSlug: string; checkpointSize: number; rootHash: string };

export async function followingMirrors(): Promise<FollowedMirror[]> {
  return db.spaceOrigin.findMany({
    where: { mode: "mirror", following: true },
    select: { spaceId: true, instance: true, originSlug: true, checkpointSize: true, rootHash: true },
  });
}

export async function followedMirror(spaceId: string): Promise<FollowedMirror | null> {
  return db.spaceOrigin.findFirst({ where: { spaceId, mode: "mirror", following: true }, select: { spaceId: true, instance: true, originSlug: true, checkpointSize: true, rootHash: true } });
}
