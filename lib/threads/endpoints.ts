// API endpoints of threads and proposals (the OpenAPI document is built from these).
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { editCommentFields, hideCommentFields, linkProposalFields, openProposalFields, postCommentFields, redactCommentFields } from "@/lib/threads/schema";

const tag = "threads";
const person = z.object({ id: z.string(), name: z.string() });

export const commentOutput = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: person,
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  version: z.int(),
  state: z.enum(["visible", "hidden", "deleted", "redacted"]),
  body: z.string().nullable().describe("Markdown; null once deleted or redacted, and for a hidden comment unless you may moderate"),
  note: z.string().nullable().describe("Why it was hidden or redacted"),
  redactedAt: z.string().nullable(),
  mentions: z.array(person).describe("The members its text mentions"),
  earlier: z.array(z.object({ version: z.int(), at: z.string(), body: z.string() })).describe("Earlier versions, oldest first"),
  may: z.object({ edit: z.boolean(), delete: z.boolean(), hide: z.boolean(), redact: z.boolean() }),
});

export const threadOutput = z.object({
  subject: z.object({ kind: z.string(), id: z.string(), title: z.string(), path: z.string() }),
  count: z.int().describe("Visible comments"),
  comments: z.array(commentOutput.extend({ replies: z.array(commentOutput) })),
  may: z.object({ post: z.boolean(), moderate: z.boolean(), reason: z.string().nullable() }),
  members: z.array(person).describe("Who can be mentioned (members only see this list)"),
});

const written = z.object({ id: z.string(), receipt: z.string().describe("The hash of the record event") });

export const proposalOutput = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  createdBy: person,
  comments: z.int(),
  decision: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
  release: z.object({ id: z.string(), label: z.string() }).nullable(),
});

const thread = "/api/v1/threads/{kind}/{id}/comments";
const kinds = "`kind` is release, audit, decision, proposal or concern; `id` is that subject's id.";
const committed = "The text is not in the record: the event commits to it by a salted hash, and the text lives beside the log (docs/record.md, Committed texts).";

export const threadEndpoints: Endpoint[] = [
  { method: "get", path: thread, summary: "A thread: its comments, replies nested one level", description: kinds, tag, auth: "optional", response: threadOutput, errors: [400, 404] },
  {
    method: "post",
    path: thread,
    summary: "Comment in a thread (members), or reply with parentId",
    description: `${kinds} Markdown, up to 10,000 characters, rendered sanitized. "@Name" of a member mentions them (recorded in the event); anyone else's name is plain text. ${committed}`,
    tag,
    auth: "required",
    body: postCommentFields,
    response: written.extend({ mentions: z.array(z.string()) }),
    status: 201,
    errors: [400, 403, 404, 429],
  },
  { method: "patch", path: "/api/v1/comments/{id}", summary: "Edit your comment (earlier versions stay)", tag, auth: "required", body: editCommentFields, response: written.extend({ version: z.int() }), errors: [400, 403, 404, 409, 422] },
  { method: "delete", path: "/api/v1/comments/{id}", summary: "Delete your comment: its texts are erased, the record keeps the commitments", tag, auth: "required", response: written, errors: [403, 404, 409] },
  { method: "post", path: "/api/v1/comments/{id}/hide", summary: "Hide a comment with a reason (stewards)", tag, auth: "required", body: hideCommentFields, response: written, errors: [400, 403, 404, 409] },
  {
    method: "post",
    path: "/api/v1/comments/{id}/redact",
    summary: "Redact a comment's text with a reason (stewards)",
    description: "Deletes the text and salt of every version; the commitments stay, and the offline verifier reports the comment as redacted, by whom, when and why.",
    tag,
    auth: "required",
    body: redactCommentFields,
    response: written,
    errors: [400, 403, 404, 409],
  },
  { method: "get", path: "/api/v1/spaces/{slug}/proposals", summary: "A space's proposals, newest first, with comment counts", tag, auth: "optional", response: z.object({ proposals: z.array(proposalOutput) }), errors: [404] },
  {
    method: "post",
    path: "/api/v1/spaces/{slug}/proposals",
    summary: "Start a proposal (members); its text is the first comment of its thread",
    description: `To turn it into a decision, a steward opens one with \`proposalId\` (POST /api/v1/spaces/{slug}/decisions). ${committed}`,
    tag,
    auth: "required",
    body: openProposalFields,
    response: written,
    status: 201,
    errors: [400, 403, 404, 429],
  },
  { method: "get", path: "/api/v1/proposals/{id}", summary: "A proposal and what it became (its thread: GET /api/v1/threads/proposal/{id}/comments)", tag, auth: "optional", response: proposalOutput, errors: [404] },
  { method: "post", path: "/api/v1/proposals/{id}/release", summary: "Link a proposal to a release (stewards)", tag, auth: "required", body: linkProposalFields, response: written.extend({ releaseId: z.string() }), errors: [400, 403, 404, 422] },
];
