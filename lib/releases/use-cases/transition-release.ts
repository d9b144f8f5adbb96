// Moving a release through its lifecycle: the move's own policy action, then the locked write.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import type { ReleaseStatus } from "@/lib/releases/lifecycle";
// The write shares this use case's name, so it is reached as mutations.transitionRelease.
import * as mutations from "@/lib/releases/mutations/transition-release";
import { checkWithdrawalReason, transitionAction } from "@/lib/releases/rules";
import type { TransitionReleaseInput } from "@/lib/releases/schema";
import { readableRelease, authorizeOn } from "@/lib/releases/use-cases/readable-release";
import { invalid } from "@/lib/releases/use-cases/release-parts";
import { fail, ok, type Result } from "@/lib/result";

export async function transitionRelease(actor: Actor | null, input: TransitionReleaseInput): Promise<Result<{ id: string; spaceSlug: string; from: ReleaseStatus; to: ReleaseStatus; receipt: string }>> {
  // Readers first: a private space's release stays invisible to outsiders, whatever they ask for.
  const readable = await readableRelease(actor, input.releaseId);
  const { found, access } = readable;
  const needed = transitionAction(found.status, input.to);
  if (!needed.ok) return fail(needed.code, needed.message, "rule");
  authorizeOn(actor, needed.action, readable);
  const reason = checkWithdrawalReason(input.to, input.reason);
  if (!reason.ok) return invalid(reason);
  const moved = await mutations.transitionRelease({ releaseId: input.releaseId, actorId: actor!.id, from: found.status, to: input.to, note: input.note, reason: reason.value });
  return moved.ok ? ok({ ...moved.data, spaceSlug: access.space.slug }) : moved;
}
