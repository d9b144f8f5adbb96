// Editing a comment: its author only, while it is visible; the earlier versions stay, each with its commitment.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { fail, ok, type Result } from "@/lib/result";
import { openComment } from "@/lib/threads/access";
import { mentionableMembers } from "@/lib/threads/data";
import * as mutations from "@/lib/threads/mutations";
import { findMentions } from "@/lib/threads/rules";
import type { EditCommentInput } from "@/lib/threads/schema";

export async function editComment(actor: Actor | null, input: EditCommentInput): Promise<Result<{ id: string; version: number; receipt: string }>> {
  const { comment, space } = await openComment(actor, input.commentId, "comment.edit");
  if (comment.state !== "visible" || comment.redactedAt) return fail("NOT_EDITABLE", "A hidden, deleted or redacted comment cannot be edited.", "conflict");
  if (comment.body === input.body) return fail("NO_CHANGE", "The text is the same as the current version.", "rule", { body: ["Change the text before saving."] });
  const mentions = findMentions(input.body, await mentionableMembers(space.id));
  return ok(await mutations.editComment({ comment, actorId: actor!.id, body: input.body, mentions }));
}
