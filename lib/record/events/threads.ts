// Catalogued events of threads and proposals. A comment's text is never in the record: the event commits to it by a
// salted hash (lib/record/commitment.ts), and the text lives beside the log until it is deleted or redacted.
import { z } from "zod";
import { defineEvent, hex64, id } from "@/lib/record/events/define";

// Mirror lib/threads/rules.ts (a unit test keeps them equal), spelled out for the reasons given in define.ts.
export const threadSubjectKinds = ["release", "audit", "decision", "proposal", "concern"] as const;

const comment = z.strictObject({
  commentId: id,
  threadKind: z.enum(threadSubjectKinds).describe("What the thread is about"),
  threadId: id.describe("The id of the release, audit report, decision, proposal or concern"),
});
const committed = {
  version: z.int().positive().describe("1 for the first post, then one more per edit"),
  textHash: hex64.describe("SHA-256 over the domain tag, a 32-byte salt and the text (docs/record.md, Committed texts)"),
  mentions: z.array(id).describe("The members the text mentions"),
};

export const threadEvents = [
  defineEvent({
    type: "proposal.opened",
    version: 1,
    subject: z.strictObject({ proposalId: id }),
    data: z.strictObject({ title: z.string().min(1) }),
    written: "A member starts a proposal; its text is the first comment of its thread.",
  }),
  defineEvent({
    type: "proposal.linked",
    version: 1,
    subject: z.strictObject({ proposalId: id, decisionId: id.optional(), releaseId: id.optional() }),
    data: z.strictObject({ to: z.enum(["decision", "release"]) }),
    written: "A steward turns a proposal into a decision (in the decision's opening transaction) or links it to a release.",
  }),
  defineEvent({
    type: "comment.posted",
    version: 1,
    subject: comment.extend({ parentId: id.optional().describe("The comment this one replies to") }),
    data: z.strictObject(committed),
    written: "A member comments in a thread or replies to a comment.",
  }),
  defineEvent({
    type: "comment.edited",
    version: 1,
    subject: comment,
    data: z.strictObject(committed),
    written: "A comment's author edits it; earlier versions stay, each with its own commitment.",
  }),
  defineEvent({
    type: "comment.deleted",
    version: 1,
    subject: comment,
    data: z.strictObject({ erased: z.int().nonnegative().describe("How many versions' texts were deleted with it") }),
    written: "A comment's author deletes it: its texts are erased, their commitments stay.",
  }),
  defineEvent({
    type: "comment.hidden",
    version: 1,
    subject: comment,
    data: z.strictObject({ reason: z.string().min(1) }),
    written: "A steward hides a comment, with a reason; its text stays in the record's texts until redacted.",
  }),
  defineEvent({
    type: "comment.redacted",
    version: 1,
    subject: comment,
    data: z.strictObject({
      reason: z.string().min(1),
      by: z.string().describe("The redacting steward's name, for the verifier's report"),
      erased: z.int().nonnegative().describe("How many versions' texts were deleted"),
    }),
    written: "A steward redacts a comment (moderation, a request to be forgotten): its texts and salts are deleted, their commitments stay.",
  }),
] as const;
