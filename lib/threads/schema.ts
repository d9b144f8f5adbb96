// Inputs of the threads module: posting, editing, deleting, hiding and redacting comments; opening and linking proposals.
import { z } from "zod";
import { MAX_COMMENT_CHARS, MAX_REASON_CHARS, threadSubjectKinds } from "@/lib/threads/rules";

const recordId = z.string().min(1).max(64);
const spaceSlug = z.string().min(1).max(40);

export const threadKind = z.enum(threadSubjectKinds, { error: `A thread is about one of: ${threadSubjectKinds.join(", ")}.` });

const body = z
  .string({ error: "Write the comment as text." })
  .trim()
  .min(1, "Write something before posting: an empty comment is not posted.")
  .max(MAX_COMMENT_CHARS, `Keep a comment under ${MAX_COMMENT_CHARS.toLocaleString("en")} characters.`);
const reason = (what: string) =>
  z.string({ error: `Say why you ${what}.` }).trim().min(3, `Say in a few words why you ${what}.`).max(MAX_REASON_CHARS, `Keep the reason under ${MAX_REASON_CHARS} characters.`);

export const postCommentFields = z.strictObject({ body, parentId: recordId.optional().describe("Reply to this top-level comment") });
export const postCommentInput = postCommentFields.extend({ threadKind, threadId: recordId });
export type PostCommentInput = z.infer<typeof postCommentInput>;

export const threadInput = z.strictObject({ threadKind, threadId: recordId });
export type ThreadInput = z.infer<typeof threadInput>;

export const editCommentFields = z.strictObject({ body });
export const editCommentInput = editCommentFields.extend({ commentId: recordId });
export type EditCommentInput = z.infer<typeof editCommentInput>;

export const deleteCommentInput = z.strictObject({ commentId: recordId });
export type DeleteCommentInput = z.infer<typeof deleteCommentInput>;

export const hideCommentFields = z.strictObject({ reason: reason("hide it") });
export const hideCommentInput = hideCommentFields.extend({ commentId: recordId });
export type HideCommentInput = z.infer<typeof hideCommentInput>;

export const redactCommentFields = z.strictObject({ reason: reason("redact it") });
export const redactCommentInput = redactCommentFields.extend({ commentId: recordId });
export type RedactCommentInput = z.infer<typeof redactCommentInput>;

export const openProposalFields = z.strictObject({
  title: z.string({ error: "Give the proposal a title." }).trim().min(3, "Give the proposal a title of at least 3 characters.").max(200, "Keep the title under 200 characters."),
  body: body.describe("The proposal's text (markdown): the first comment of its thread"),
});
export const openProposalInput = openProposalFields.extend({ spaceSlug });
export type OpenProposalInput = z.infer<typeof openProposalInput>;

export const linkProposalFields = z.strictObject({ releaseId: recordId });
export const linkProposalInput = linkProposalFields.extend({ proposalId: recordId });
export type LinkProposalInput = z.infer<typeof linkProposalInput>;

export const proposalIdInput = z.strictObject({ proposalId: recordId });
