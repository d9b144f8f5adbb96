// Resolving a concern: its raiser says it is answered (with an optional note); recorded, and it no longer blocks.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { closeConcern } from "@/lib/concerns/mutations";
import type { ResolveConcernInput } from "@/lib/concerns/schema";
import { findConcern } from "@/lib/concerns/use-cases/find-concern";
import { authorize } from "@/lib/policy";
import { fail, type Result } from "@/lib/result";

export async function resolveConcern(actor: Actor | null, input: ResolveConcernInput, now = new Date()): Promise<Result<{ receipt: string }>> {
  const { concern, loaded } = await findConcern(actor, input.concernId);
  const { subject } = loaded;
  authorize(actor, "concern.resolve", { space: loaded.facts, raisedById: concern.raisedById });
  if (concern.status !== "open") return fail("CONCERN_CLOSED", `This concern is already ${concern.status}.`, "conflict");
  return closeConcern({
    concernId: concern.id,
    subject: { kind: subject.kind, id: subject.id, spaceId: subject.spaceId, releaseId: subject.releaseId },
    actorId: actor!.id,
    to: "resolved",
    note: input.note || null,
    now,
  });
}
