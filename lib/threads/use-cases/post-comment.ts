// Posting a comment or a reply in a thread: members only; replies nest one level (a reply to a reply joins its thread).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { ok, type Result } from "@/lib/result";
import { DomainError } from "@/lib/result";
import { openThread } from "@/lib/threads/access";
import { getComment, mentionableMembers } from "@/lib/threads/data";
import * as mutations from "@/lib/threads/mutations";
import { findMentions } from "@/lib/threads/rules";
import type { PostCommentInput } from "@/lib/threads/schema";

export async function postComment(actor: Actor | null, input: PostCommentInput): Promise<Result<{ id: string; receipt: string; mentions: string[] }>> {
  const subject = { kind: input.threadKind, id: input.threadId };
  const { space } = await openThread(actor, subject, "comment.post");
  let parentId: string | undefined;
  if (input.parentId) {
    const parent = await getComment(input.parentId);
    // A comment of another thread answers like a missing one.
    if (!parent || parent.spaceId !== space.id || parent.subjectKind !== subject.kind || parent.subjectId !== subject.id) {
      throw new DomainError("PARENT_NOT_FOUND", "The comment you reply to is not in this thread.", "not_found");
    }
    parentId = parent.parentId ?? parent.id;
  }
  const mentions = findMentions(input.body, await mentionableMembers(space.id));
  const posted = await mutations.postComment({ spaceId: space.id, subject, parentId, authorId: actor!.id, body: input.body, mentions });
  return ok({ id: posted.id, receipt: posted.receipt, mentions });
}
