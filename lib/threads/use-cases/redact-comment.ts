// Redacting a comment's text: stewards, with a reason (moderation, a request to be forgotten). The text and salt of every
// version are deleted; the log's commitments stay, and the verifier reports the comment as redacted.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { ok, type Result } from "@/lib/result";
import { openComment } from "@/lib/threads/access";
import * as mutations from "@/lib/threads/mutations";
import type { RedactCommentInput } from "@/lib/threads/schema";
import { userNames } from "@/lib/users/data";

export async function redactComment(actor: Actor | null, input: RedactCommentInput): Promise<Result<{ id: string; receipt: string }>> {
  const { comment } = await openComment(actor, input.commentId, "comment.redact");
  const names = await userNames([actor!.id]);
  return ok(await mutations.redactComment({ comment, actorId: actor!.id, actorName: names[actor!.id] ?? "a steward", reason: input.reason }));
}
