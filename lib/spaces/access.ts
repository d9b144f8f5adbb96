// Loads a space for an actor and checks the policy for what they want to do there.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { currentCharter } from "@/lib/charter/data";
import { authorize, needsCharter, type Action } from "@/lib/policy";
import type { PolicyResource } from "@/lib/policy-resource";
import { DomainError } from "@/lib/result";
import { getSpaceAccess, type SpaceAccess } from "@/lib/spaces/data";
import type { Charter } from "@/lib/charter/rules";

/** Facts about the resource beyond the space and its charter, which requireSpace reads itself. */
export type ResourceFacts = Omit<PolicyResource, "space" | "charter">;

/**
 * The space and the actor's role, after the policy allowed `action` on a resource with these facts. A private
 * space answers NOT_FOUND to non-members exactly like a missing one, so its existence does not leak. The
 * current charter is read (and returned) when the action is charter-governed or a fact needs it (a grant).
 */
export async function requireSpace(
  actor: Actor | null,
  slug: string,
  action: Action = "space.view",
  facts: ResourceFacts = {},
): Promise<SpaceAccess & { charter?: Charter }> {
  const access = await getSpaceAccess(slug, actor?.id ?? null);
  if (!access) throw new DomainError("NOT_FOUND", "No such space.", "not_found");
  const wantsCharter = needsCharter(action) || facts.grant !== undefined || facts.roleChange !== undefined;
  const charter = wantsCharter ? (await currentCharter(access.space.id)).charter : undefined;
  authorize(actor, action, { ...facts, space: { visibility: access.space.visibility, role: access.role }, charter });
  return { ...access, charter };
}
