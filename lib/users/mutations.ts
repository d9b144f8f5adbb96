// User writes made by operators (the admin command); sign-ups through a provider go through Auth.js.
import "server-only";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import type { CreateUserInput } from "@/lib/users/schema";

export async function createUser(input: CreateUserInput, { actorId = null }: { actorId?: string | null } = {}) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name }, select: { id: true, email: true, name: true } });
    await appendEvent(tx, { spaceId: null, actorId: actorId ?? user.id, type: "user.created", subject: { userId: user.id }, data: { name: input.name, via: "admin" } });
    return user;
  });
}

/**
 * A person's new display name and its record event, together. Recorded (in the instance log) because histories
 * show people by the name they have now: the record keeps who was called what, and when.
 */
export async function renameUser({ userId, name }: { userId: string; name: string }) {
  return db.$transaction(async (tx) => {
    // Locked, so two renames at once record the right "from".
    const [before] = await tx.$queryRaw<Array<{ name: string | null }>>`SELECT name FROM users WHERE id = ${userId} FOR UPDATE`;
    if (!before) return null;
    if (before.name === name) return { id: userId, name, changed: false };
    const user = await tx.user.update({ where: { id: userId }, data: { name }, select: { id: true, name: true } });
    await appendEvent(tx, { spaceId: null, actorId: userId, type: "user.renamed", subject: { userId }, data: { from: before.name, to: name } });
    return { id: user.id, name: name, changed: true };
  });
}
