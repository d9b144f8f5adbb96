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
