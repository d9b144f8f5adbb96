// Overriding a concern: a steward sets it aside with a reason the record keeps; it no longer blocks.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { closeConcern } from "@/lib/concerns/mutations";
import type { OverrideConcernInput } from "@/lib/concerns/schema";
import { findConcern } from "@/lib/concerns/use-cases/find-concern";
import { authorize } from "@/lib/policy";
import { fail, type Result } from "@/lib/result";

export async function overrideConcern(actor: Actor | null, input: OverrideConcernInput, now = new Date()): Promise<Result<{ receipt: string }>> {
  const { concern, loaded } = await findConcern(actor, input.concernId);
  const { subject } = loaded;
  authorize(actor, "concern.override", { space: loaded.facts });
  if (concern.status !== "open") return fail("CONCERN_CLOSED", `This concern is already ${concern.status}.`, "conflict");
  return closeConcern({
    concernId: concern.id,
    subject: { kind: subject.kind, id: subject.id, spaceId: subject.spaceId, releaseId: subject.releaseId },
    actorId: actor!.id,
    to: "overridden",
    note: input.reason,
    now,
  });
}
