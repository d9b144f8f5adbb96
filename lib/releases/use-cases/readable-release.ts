// Finding a release for a use case: shown only to its space's readers, anyone else told it does not exist.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { authorize, type Action } from "@/lib/policy";
import { releaseSpace } from "@/lib/releases/data";
import { DomainError } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";

export const noSuchRelease = () => new DomainError("NOT_FOUND", "No such release.", "not_found");

/**
 * The release's space as this reader sees it. A release of a private space they cannot see answers
 * exactly like a release that does not exist: same code, same message.
 */
export async function readableSpace(actor: Actor | null, slug: string) {
  try {
    return await requireSpace(actor, slug, "release.view");
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") throw noSuchRelease();
    throw error;
  }
}

/** Finds the release and shows it only to its readers; anyone else is told it does not exist. */
export async function readableRelease(actor: Actor | null, releaseId: string) {
  const found = await releaseSpace(releaseId);
  if (!found) throw noSuchRelease();
  const access = await readableSpace(actor, found.space.slug);
  return { found, access };
}

/** Asks the policy with the release's facts: its space, the actor's role there, and who proposed it. */
export function authorizeOn(actor: Actor | null, action: Action, { found, access }: Awaited<ReturnType<typeof readableRelease>>) {
  authorize(actor, action, { space: { visibility: access.space.visibility, role: access.role }, proposerId: found.createdById });
}
