"use client";
// One comment: who and when, its sanitized markdown (or why it is not shown), its earlier versions, and the steps this
// reader may take: reply, edit and delete (the author), hide and redact (stewards, with a reason the record keeps).
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Confirm } from "@/components/ui/confirm";
import { LocalTime } from "@/components/ui/local-time";
import { Markdown } from "@/components/ui/markdown";
import { CommentForm } from "@/components/threads/comment-form";
import { deleteCommentAction, editCommentAction, hideCommentAction, redactCommentAction } from "@/lib/threads/actions";
import type { CommentView } from "@/lib/threads/use-cases/read-thread";

type Props = { comment: CommentView; members: Array<{ id: string; name: string }>; onChange: () => void; onReply?: () => void };

function Body({ comment }: { comment: CommentView }) {
  if (comment.state === "redacted") {
    return <p className="text-sm text-muted italic">Redacted on <LocalTime at={comment.redactedAt ?? comment.createdAt} style="date" />: {comment.note}</p>;
  }
  if (comment.state === "deleted") return <p className="text-sm text-muted italic">Deleted by its author.</p>;
  if (comment.state === "hidden") {
    return (
      <div>
        <p className="text-sm text-muted italic">Hidden by a steward: {comment.note}</p>
        {comment.body !== null ? (
          <details className="mt-1 text-sm">
            <summary className="cursor-pointer text-muted">Show the hidden text (stewards)</summary>
            <Markdown>{comment.body}</Markdown>
          </details>
        ) : null}
      </div>
    );
  }
  return <Markdown>{comment.body ?? ""}</Markdown>;
}

export function CommentItem({ comment, members, onChange, onReply }: Props) {
  const [editing, setEditing] = useState(false);
  const may = comment.may;
  return (
    <article aria-label={`Comment by ${comment.author.name}`} data-testid="comment" className="space-y-2">
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-medium">{comment.author.name}</span>
        <LocalTime at={comment.createdAt} className="text-muted" />
        {comment.editedAt ? <span className="text-muted">edited (version {comment.version})</span> : null}
      </header>
      {editing ? (
        <CommentForm
          id={`edit-${comment.id}`}
          label="Edit your comment"
          submitLabel="Save"
          members={members}
          initial={comment.body ?? ""}
          onSend={(body) => editCommentAction({ commentId: comment.id, body })}
          onDone={() => {
            setEditing(false);
            onChange();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Body comment={comment} />
      )}
      {comment.earlier.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">Earlier versions ({comment.earlier.length})</summary>
          {comment.earlier.map((v) => (
            <div key={v.version} className="mt-2 border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">
              <p className="text-xs text-muted">Version {v.version}, <LocalTime at={v.at} /></p>
              <Markdown>{v.body}</Markdown>
            </div>
          ))}
        </details>
      ) : null}
      {!editing ? (
        <div className="flex flex-wrap gap-2">
          {onReply ? <Button variant="ghost" className="px-2 py-1 text-xs" onClick={onReply}>Reply</Button> : null}
          {may.edit ? <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(true)}>Edit</Button> : null}
          {may.delete ? (
            <Confirm id={`delete-${comment.id}`} trigger="Delete" question="Delete your comment? Its text is erased; the record keeps that it existed." confirmLabel="Delete" onConfirm={() => deleteCommentAction({ commentId: comment.id })} onDone={onChange} />
          ) : null}
          {may.hide ? (
            <Confirm id={`hide-${comment.id}`} trigger="Hide" question="Hide this comment from the thread? The reason is recorded." confirmLabel="Hide" reason={{ label: "Why hide it", min: 3, max: 500 }} onConfirm={(reason) => hideCommentAction({ commentId: comment.id, reason })} onDone={onChange} />
          ) : null}
          {may.redact ? (
            <Confirm id={`redact-${comment.id}`} trigger="Redact" question="Redact this comment? Its text is deleted for good, everywhere, including the export; the record keeps its commitment, your name and the reason." confirmLabel="Redact" reason={{ label: "Why redact it", min: 3, max: 500 }} onConfirm={(reason) => redactCommentAction({ commentId: comment.id, reason })} onDone={onChange} />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
