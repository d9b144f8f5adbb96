"use server";
// Server actions for threads and proposals; the use cases authorize each through lib/policy.ts. No revalidatePath on
// comments: threads refresh themselves through the JSON API.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { deleteCommentInput, editCommentInput, hideCommentInput, linkProposalInput, openProposalInput, postCommentInput, redactCommentInput } from "@/lib/threads/schema";
import { deleteComment } from "@/lib/threads/use-cases/delete-comment";
import { editComment } from "@/lib/threads/use-cases/edit-comment";
import { hideComment } from "@/lib/threads/use-cases/hide-comment";
import { linkProposal } from "@/lib/threads/use-cases/link-proposal";
import { openProposal } from "@/lib/threads/use-cases/open-proposal";
import { postComment } from "@/lib/threads/use-cases/post-comment";
import { redactComment } from "@/lib/threads/use-cases/redact-comment";

export const postCommentAction = defineAction(postCommentInput, async (input, actor) => postComment(actor, input));
export const editCommentAction = defineAction(editCommentInput, async (input, actor) => editComment(actor, input));
export const deleteCommentAction = defineAction(deleteCommentInput, async (input, actor) => deleteComment(actor, input));
export const hideCommentAction = defineAction(hideCommentInput, async (input, actor) => hideComment(actor, input));
export const redactCommentAction = defineAction(redactCommentInput, async (input, actor) => redactComment(actor, input));

export const openProposalAction = defineAction(openProposalInput, async (input, actor) => {
  const result = await openProposal(actor, input);
  if (result.ok) revalidatePath(`/s/${input.spaceSlug}`, "layout");
  return result;
});

export const linkProposalAction = defineAction(linkProposalInput, async (input, actor) => {
  const result = await linkProposal(actor, input);
  if (result.ok) revalidatePath("/s", "layout");
  return result;
});
