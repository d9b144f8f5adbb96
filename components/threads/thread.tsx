"use client";
// A thread on any subject (release, audit report, decision, proposal, concern): give it the server's first read and it
// keeps itself current from GET /api/v1/threads/{kind}/{id}/comments (TanStack Query), like the live tally.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Card, CardTitle } from "@/components/ui/card";
import { CommentForm } from "@/components/threads/comment-form";
import { CommentItem } from "@/components/threads/comment-item";
import { postCommentAction } from "@/lib/threads/actions";
import type { ThreadView } from "@/lib/threads/use-cases/read-thread";

export async function fetchThread(kind: string, id: string): Promise<ThreadView> {
  const response = await fetch(`/api/v1/threads/${kind}/${encodeURIComponent(id)}/comments`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`GET thread ${kind}/${id}: ${response.status}`);
  return (await response.json()) as ThreadView;
}

type Props = {
  initial: ThreadView;
  title?: string;
  /** Draws it inside another card (a concern's thread in the concerns panel): a smaller heading, no frame. */
  nested?: boolean;
  /** The comment form's name, distinct when the page holds more than one thread. */
  commentLabel?: string;
};

export function Thread({ initial, title = "Discussion", nested = false, commentLabel = "Add a comment" }: Props) {
  const { kind, id } = initial.subject;
  const queryClient = useQueryClient();
  const key = ["thread", kind, id];
  const { data } = useQuery({ queryKey: key, queryFn: () => fetchThread(kind, id), initialData: initial, refetchInterval: 5000 });
  const thread = data ?? initial;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const post = (parentId?: string) => (body: string) => postCommentAction({ threadKind: kind, threadId: id, body, ...(parentId ? { parentId } : {}) });

  const heading = (
    <span data-testid="thread-title">
      {title} <span className="text-sm font-normal text-muted">({thread.count} {thread.count === 1 ? "comment" : "comments"})</span>
    </span>
  );
  const Frame = nested ? NestedFrame : Card;
  return (
    <Frame>
      {nested ? <h5 className="mb-3 text-sm font-semibold">{heading}</h5> : <CardTitle>{heading}</CardTitle>}
      <section aria-label={title} aria-live="polite" className="space-y-5">
        {thread.comments.length === 0 ? <p className="text-sm text-muted">No comments yet.</p> : null}
        {thread.comments.map((c) => (
          <div key={c.id} className="space-y-3">
            <CommentItem comment={c} members={thread.members} onChange={refresh} onReply={thread.may.post ? () => setReplyTo(c.id) : undefined} />
            {c.replies.length > 0 || replyTo === c.id ? (
              <div className="ml-3 space-y-3 border-l-2 border-zinc-200 pl-3 sm:ml-6 dark:border-zinc-800">
                {c.replies.map((r) => (
                  <CommentItem key={r.id} comment={r} members={thread.members} onChange={refresh} />
                ))}
                {replyTo === c.id ? (
                  <CommentForm id={`reply-${c.id}`} label={`Reply to ${c.author.name}`} submitLabel="Reply" members={thread.members} onSend={post(c.id)} onDone={() => { setReplyTo(null); refresh(); }} onCancel={() => setReplyTo(null)} />
                ) : null}
              </div>
            ) : null}
          </div>
        ))}
      </section>
      <div className="mt-6">
        {thread.may.post ? (
          <CommentForm id={`thread-${kind}-${id}`} label={commentLabel} submitLabel="Comment" members={thread.members} onSend={post()} onDone={refresh} />
        ) : (
          <p className="text-sm text-muted">{thread.may.reason}</p>
        )}
      </div>
    </Frame>
  );
}

function NestedFrame({ children }: { children: ReactNode }) {
  return <section className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">{children}</section>;
}
