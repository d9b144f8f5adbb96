// Starting a proposal: any member; its text is the first comment of its thread, committed like every comment.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { ok, type Result } from "@/lib/result";
import { requireSpace } from "@/lib/spaces/access";
import { mentionableMembers } from "@/lib/threads/data";
import * as mutations from "@/lib/threads/mutations";
import { findMentions } from "@/lib/threads/rules";
import type { OpenProposalInput } from "@/lib/threads/schema";

export async function openProposal(actor: Actor | null, input: OpenProposalInput): Promise<Result<{ id: string; receipt: string }>> {
  const { space } = await requireSpace(actor, input.spaceSlug, "proposal.open");
  const mentions = findMentions(input.body, await mentionableMembers(space.id));
  return ok(await mutations.openProposal({ spaceId: space.id, actorId: actor!.id, title: input.title, body: input.body, mentions }));
}
