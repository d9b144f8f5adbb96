// Finding a decision for a use case: the space's policy first, a hidden one answered as missing, then the lazy close.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getDecision } from "@/lib/decisions/data";
import { settleIfDue } from "@/lib/decisions/use-cases/settle-if-due";
import { DomainError } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export const noSuchDecision = () => new DomainError("NOT_FOUND", "No such decision.", "not_found");

/** A decision in a space the actor cannot see answers exactly like one that does not exist. */
export async function asMissingDecision<T>(check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw noSuchDecision();
    throw error;
  }
}

export async function loadDecision(actor: Actor | null, decisionId: string, action: "decision.view" | "decision.close" | "decision.cancel", now: Date) {
  let row = await getDecision(decisionId);
  if (!row) throw noSuchDecision();
  const slug = row.space.slug;
  const access = await asMissingDecision(() => requireSpace(actor, slug, action));
  if (await settleIfDue({ ...row, kind: row.kind }, now)) row = (await getDecision(decisionId))!;
  return { row, access };
}
