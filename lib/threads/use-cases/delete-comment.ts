// Deleting a comment: its author only. Its texts are erased with it; the record keeps the commitments and the deletion.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { fail, ok, type Result } from "@/lib/result";
import { openComment } from "@/lib/threads/access";
import * as mutations from "@/lib/threads/mutations";
import type { DeleteCommentInput } from "@/lib/threads/schema";

export async function deleteComment(actor: Actor | null, input: DeleteCommentInput): Promise<Result<{ id: string; receipt: string }>> {
  const { comment } = await openComment(actor, input.commentId, "comment.delete");
  if (comment.state === "deleted") return fail("ALREADY_DELETED", "This comment is already deleted.", "conflict");
  return ok(await mutations.deleteComment({ comment, actorId: actor!.id }));
}
