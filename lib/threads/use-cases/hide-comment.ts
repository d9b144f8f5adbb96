// Hiding a comment: stewards, with a reason the record keeps. The text stays (and can still be redacted).
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { ok, type Result } from "@/lib/result";
import { openComment } from "@/lib/threads/access";
import * as mutations from "@/lib/threads/mutations";
import type { HideCommentInput } from "@/lib/threads/schema";

export async function hideComment(actor: Actor | null, input: HideCommentInput): Promise<Result<{ id: string; receipt: string }>> {
  const { comment } = await openComment(actor, input.commentId, "comment.hide");
  return ok(await mutations.hideComment({ comment, actorId: actor!.id, reason: input.reason }));
}
