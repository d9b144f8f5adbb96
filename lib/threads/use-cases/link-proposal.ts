// Linking a proposal to a release (stewards). Turning one into a decision happens in openDecision, in its transaction.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { fail, ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { getProposal, releaseInSpace } from "@/lib/threads/data";
import * as mutations from "@/lib/threads/mutations";
import type { LinkProposalInput } from "@/lib/threads/schema";
import { DomainError } from "@/lib/result";

export async function linkProposal(actor: Actor | null, input: LinkProposalInput): Promise<Result<{ id: string; releaseId: string; receipt: string }>> {
  const row = await getProposal(input.proposalId);
  if (!row) return fail("NOT_FOUND", "No such proposal.", "not_found");
  try {
    await requireSpace(actor, row.space.slug, "space.view");
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return fail("NOT_FOUND", "No such proposal.", "not_found");
    throw error;
  }
  await requireSpace(actor, row.space.slug, "proposal.link");
  const release = await releaseInSpace(input.releaseId, row.spaceId);
  if (!release) return fail("RELEASE_NOT_FOUND", "No such release in this space.", "not_found", { releaseId: ["Choose a release of this space"] });
  if (row.releaseId === release.id) return fail("NO_CHANGE", "The proposal is already linked to this release.", "rule");
  return ok(await mutations.linkProposalToRelease({ proposalId: row.id, spaceId: row.spaceId, releaseId: release.id, actorId: actor!.id }));
}
