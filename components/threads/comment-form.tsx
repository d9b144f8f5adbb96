"use client";
// Writing a comment, a reply or an edit: markdown in a textarea, with "@" completing members' names.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { ActionFormElement, ErrorSummary, useActionForm, type FieldErrors } from "@/components/ui/form";
import { MAX_COMMENT_CHARS } from "@/lib/threads/rules";
import type { Result } from "@/lib/result";

type Member = { id: string; name: string };
type Props<T> = {
  id: string;
  label: string;
  submitLabel: string;
  members: Member[];
  initial?: string;
  onSend: (body: string) => Promise<Result<T>>;
  onDone: () => void;
  onCancel?: () => void;
};

/** The "@partial" right before the caret, if the person is typing a mention. */
function typedMention(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([\p{L}\p{N}_.-]{0,30}(?: [\p{L}\p{N}_.-]{0,30})?)$/u.exec(text.slice(0, caret));
  return match ? { start: caret - (match[1] ?? "").length - 1, query: (match[1] ?? "").toLowerCase() } : null;
}

export function CommentForm<T>({ id, label, submitLabel, members, initial = "", onSend, onDone, onCancel }: Props<T>) {
  const f = useActionForm<{ body: string }>({
    defaultValues: { body: initial },
    check: ({ body }): FieldErrors => {
      if (body.trim() === "") return { body: ["Write something before posting: an empty comment is not posted."] };
      if (body.length > MAX_COMMENT_CHARS) return { body: [`Keep a comment under ${MAX_COMMENT_CHARS.toLocaleString("en")} characters.`] };
      return {};
    },
  });
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const fieldId = `${id}-body`;
  const body = f.form.register("body", { onChange: (e: { target: HTMLTextAreaElement }) => setMention(typedMention(e.target.value, e.target.selectionStart)) });
  const matches = mention ? members.filter((m) => m.name.toLowerCase().includes(mention.query)).slice(0, 6) : [];

  function insert(member: Member) {
    if (!mention) return;
    const text = f.form.getValues("body");
    const area = document.getElementById(fieldId) as HTMLTextAreaElement | null;
    const caret = area?.selectionStart ?? text.length;
    const next = `${text.slice(0, mention.start)}@${member.name} ${text.slice(caret)}`;
    f.set("body", next);
    setMention(null);
    area?.focus();
  }

  const submit = f.handle(
    (v) => onSend(v.body),
    () => {
      f.form.reset({ body: "" });
      onDone();
    },
  );

  return (
    <ActionFormElement form={f} onSubmit={submit} aria-label={label} className="space-y-2">
      <TextAreaField label={label} id={fieldId} rows={3} {...body} errors={f.errorsAt("body")} hint="Markdown. Type @ and a name to mention a member." />
      {matches.length > 0 ? (
        <ul aria-label="Members to mention" className="flex flex-wrap gap-2">
          {matches.map((m) => (
            <li key={m.id}>
              <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => insert(m)}>
                @{m.name}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary form={f} compact />
      <div className="flex gap-2">
        <Button type="submit" disabled={f.pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </ActionFormElement>
  );
}
