// Raising a concern: only a binding voter on the subject (policy), only while the decision is open or the release
// in review (checked again under the subject's lock by the mutation).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { raiseConcern as recordConcern } from "@/lib/concerns/mutations";
import { raiseRefusal } from "@/lib/concerns/rules";
import type { RaiseConcernInput } from "@/lib/concerns/schema";
import { concernsBlock, loadSubject, votesBindingly } from "@/lib/concerns/use-cases/load-subject";
import { authorize } from "@/lib/policy";
import { fail, type Result } from "@/lib/result";

export async function raiseConcern(actor: Actor | null, input: RaiseConcernInput & { spaceSlug?: string }, now = new Date()): Promise<Result<{ id: string; receipt: string }>> {
  const loaded = await loadSubject(actor, input.on, input.subjectId, input.spaceSlug);
  const { subject } = loaded;
  authorize(actor, "concern.raise", { space: loaded.facts, bindingVoter: await votesBindingly(actor?.id, loaded) });
  const refusal = raiseRefusal(subject, now);
  if (refusal) return fail(refusal.code, refusal.message, "conflict");
  return recordConcern({
    subject: { kind: subject.kind, id: subject.id, spaceId: subject.spaceId, releaseId: subject.releaseId },
    actorId: actor!.id,
    title: input.title,
    body: input.body,
    blocks: await concernsBlock(subject),
    now,
  });
}
