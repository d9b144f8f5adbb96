// Who is acting: the signed-in user of this request, read from the database session.
import "server-only";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import { DomainError } from "@/lib/result";

export type Actor = { id: string; name: string | null; email: string | null };

/** The signed-in user, or null. Cached for the length of one request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = session?.user as { id?: string; name?: string | null; email?: string | null } | undefined;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? null, email: user.email ?? null };
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new DomainError("UNAUTHENTICATED", "Sign in first.", "unauthenticated");
  return actor;
}
