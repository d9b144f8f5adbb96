// Threads, the pure part: what a thread can be about, how long a comment may be, who a text mentions, and how a
// thread's comments nest (one level of replies). No I/O.

/** What a thread can be about; a concern (lib/concerns) carries a thread like the others. */
export const threadSubjectKinds = ["release", "audit", "decision", "proposal", "concern"] as const;
export type ThreadSubjectKind = (typeof threadSubjectKinds)[number];
export type ThreadSubject = { kind: ThreadSubjectKind; id: string };

export const MAX_COMMENT_CHARS = 10_000;
export const MAX_REASON_CHARS = 500;
export const MAX_MENTIONS = 20;

export type Mentionable = { userId: string; name: string };

/**
 * The members a text mentions: "@" followed by a member's display name, not followed by a letter or digit (so
 * "@Chen Weiss" is not Chen Wei). Longer names are tried first, so "@Ada Lovelace" beats "@Ada". Only the list's
 * people can be mentioned: anyone else's "@name" stays plain text and notifies nobody.
 */
export function findMentions(text: string, members: readonly Mentionable[]): string[] {
  const found = new Set<string>();
  const byLength = [...members].filter((m) => m.name.trim() !== "").sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLowerCase();
  for (let at = lower.indexOf("@"); at !== -1 && found.size < MAX_MENTIONS; at = lower.indexOf("@", at + 1)) {
    const rest = lower.slice(at + 1);
    const match = byLength.find((m) => rest.startsWith(m.name.toLowerCase()) && !/^[\p{L}\p{N}_]/u.test(rest.slice(m.name.length)));
    if (match) found.add(match.userId);
  }
  return [...found];
}

export type CommentState = "visible" | "hidden" | "deleted";

/** What a reader is shown of a comment: its text only while visible and not redacted. */
export type ShownText = { kind: "text"; body: string } | { kind: "hidden"; reason: string } | { kind: "deleted" } | { kind: "redacted"; reason: string; at: Date };

export function shownText(comment: { state: CommentState; hiddenReason: string | null; redactedAt: Date | null; redactionReason: string | null; body: string | null }): ShownText {
  if (comment.redactedAt) return { kind: "redacted", reason: comment.redactionReason ?? "", at: comment.redactedAt };
  if (comment.state === "deleted") return { kind: "deleted" };
  if (comment.state === "hidden") return { kind: "hidden", reason: comment.hiddenReason ?? "" };
  return comment.body === null ? { kind: "deleted" } : { kind: "text", body: comment.body };
}

/** Top-level comments in order, each with its replies; a reply whose parent is missing shows at the top level. */
export function nestReplies<C extends { id: string; parentId: string | null }>(comments: readonly C[]): Array<C & { replies: C[] }> {
  const ids = new Set(comments.map((c) => c.id));
  const top = comments.filter((c) => !c.parentId || !ids.has(c.parentId)).map((c) => ({ ...c, replies: [] as C[] }));
  const byId = new Map(top.map((c) => [c.id, c]));
  for (const c of comments) if (c.parentId && ids.has(c.parentId)) byId.get(c.parentId)?.replies.push(c);
  return top;
}
