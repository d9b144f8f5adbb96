// Reading a thread: its comments nested one level, each with what this reader may do with it. A redacted or deleted
// text is not in the answer at all; a hidden one only for those who may moderate.
import "server-only";
import { spaceFacts } from "@/lib/spaces/data";
import type { Actor } from "@/lib/auth/session";
import { can } from "@/lib/policy";
import { openThread } from "@/lib/threads/access";
import { listThreadComments, mentionableMembers, type CommentRow } from "@/lib/threads/data";
import { nestReplies, shownText, type ThreadSubjectKind } from "@/lib/threads/rules";
import type { ThreadInput } from "@/lib/threads/schema";
import { userNames } from "@/lib/users/data";

export type CommentView = {
  id: string;
  parentId: string | null;
  author: { id: string; name: string };
  createdAt: string;
  editedAt: string | null;
  version: number;
  state: "visible" | "hidden" | "deleted" | "redacted";
  body: string | null;
  /** Why it is hidden or redacted; when it was redacted. */
  note: string | null;
  redactedAt: string | null;
  mentions: Array<{ id: string; name: string }>;
  earlier: Array<{ version: number; at: string; body: string }>;
  may: { edit: boolean; delete: boolean; hide: boolean; redact: boolean };
};

export type ThreadView = {
  subject: { kind: ThreadSubjectKind; id: string; title: string; path: string };
  count: number;
  comments: Array<CommentView & { replies: CommentView[] }>;
  may: { post: boolean; moderate: boolean; reason: string | null };
  members: Array<{ id: string; name: string }>;
};

export async function readThread(actor: Actor | null, input: ThreadInput): Promise<ThreadView> {
  const { space, role, subject, ...rest } = await openThread(actor, { kind: input.threadKind, id: input.threadId });
  const [rows, members] = await Promise.all([listThreadComments(space.id, { kind: input.threadKind, id: input.threadId }), role ? mentionableMembers(space.id) : []]);
  const names = await userNames(rows.flatMap((r) => [r.authorId, ...r.mentions]));
  const on = { space: spaceFacts({ space, role, ...rest }) };
  const post = can(actor, "comment.post", on);
  const moderate = can(actor, "comment.hide", on).allow;
  const redact = can(actor, "comment.redact", on).allow;
  const view = (r: CommentRow): CommentView => {
    const shown = shownText(r);
    const own = { ...on, authorId: r.authorId };
    const live = shown.kind === "text";
    const body = shown.kind === "text" ? shown.body : shown.kind === "hidden" && moderate ? r.body : null;
    return {
      id: r.id,
      parentId: r.parentId,
      author: { id: r.authorId, name: names[r.authorId] ?? "someone" },
      createdAt: r.createdAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
      version: r.versions.at(-1)?.version ?? 1,
      state: shown.kind === "text" ? "visible" : shown.kind,
      body,
      note: shown.kind === "hidden" || shown.kind === "redacted" ? shown.reason : null,
      redactedAt: shown.kind === "redacted" ? shown.at.toISOString() : null,
      mentions: live ? r.mentions.map((id) => ({ id, name: names[id] ?? "someone" })) : [],
      earlier: live ? r.versions.slice(0, -1).flatMap((v) => (v.body === null ? [] : [{ version: v.version, at: v.at.toISOString(), body: v.body }])) : [],
      may: {
        edit: live && can(actor, "comment.edit", own).allow,
        delete: shown.kind !== "deleted" && shown.kind !== "redacted" && can(actor, "comment.delete", own).allow,
        hide: live && moderate,
        redact: shown.kind !== "redacted" && shown.kind !== "deleted" && redact,
      },
    };
  };
  const comments = nestReplies(rows.map(view));
  return {
    subject: { kind: input.threadKind, id: input.threadId, title: subject.title, path: subject.path },
    count: rows.filter((r) => shownText(r).kind === "text").length,
    comments,
    may: { post: post.allow, moderate, reason: post.allow ? null : post.message },
    members: members.map((m) => ({ id: m.userId, name: m.name })),
  };
}
