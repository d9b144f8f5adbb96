// Leaving a space.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { removeMember } from "@/lib/members/use-cases/remove-member";

/** Leaving is removing yourself: the policy's member.leave, and the last-owner rule. */
export async function leaveSpace(actor: Actor | null, input: { spaceSlug: string }) {
  return removeMember(actor, { spaceSlug: input.spaceSlug, userId: actor?.id ?? "" });
}
