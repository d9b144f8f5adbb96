// The discussion rows of an archive (proposals, concerns, comments, comment_versions) against the record events that
// committed them (discussion-fold.ts); the rules: docs/preserve-archive.md. Pure. Each check returns the first row that
// does not match, in one sentence, or null.
import type { DiscussionFold, RecordedComment } from "@/lib/archive/discussion-fold";
import type { ArchiveRows, RowOf } from "@/lib/archive/rows";

type Check = (rows: ArchiveRows, fold: DiscussionFold) => string | null;

const iso = (date: Date | null) => date?.toISOString() ?? null;
const day = (at: string) => at.slice(0, 10);

function first<T>(list: Iterable<T>, problem: (item: T) => string | null): string | null {
  for (const item of list) {
    const found = problem(item);
    if (found) return found;
  }
  return null;
}

const proposals: Check = (rows, fold) =>
  first(rows.proposals, (p) => {
    const recorded = fold.proposals.get(p.id);
    const name = `Proposal ${p.id} (${p.title})`;
    if (!recorded) return `${name} has no proposal.opened event.`;
    if (recorded.title !== p.title || recorded.createdBy !== p.createdById) return `${name} has another title or author than its proposal.opened event.`;
    if (recorded.decisionId !== p.decisionId || recorded.releaseId !== p.releaseId) return `${name} is linked to another decision or release than its proposal.linked events say.`;
    return null;
  });

const concerns: Check = (rows, fold) =>
  first(rows.concerns, (c) => {
    const recorded = fold.concerns.get(c.id);
    const name = `Concern ${c.id} (${c.title})`;
    if (!recorded) return `${name} has no concern.raised event.`;
    const fields: Array<[string, unknown, unknown]> = [
      ["title", c.title, recorded.title],
      ["text", c.body, recorded.body],
      ["decision", c.decisionId, recorded.decisionId],
      ["release", c.releaseId, recorded.releaseId],
      ["raiser", c.raisedById, recorded.raisedBy],
      ["raising time", iso(c.raisedAt), recorded.raisedAt],
    ];
    const wrong = fields.find(([, held, said]) => held !== said);
    if (wrong) return `${name}'s ${wrong[0]} differs from its concern.raised event.`;
    const status = recorded.close?.status ?? "open";
    if (c.status !== status) return `${name} is ${c.status}, but the record's last concern event for it says ${status}.`;
    const close = recorded.close;
    const closing = [c.closedById, iso(c.closedAt), c.closeNote ?? ""];
    const said = close ? [close.by, close.at, close.note ?? ""] : [null, null, ""];
    if (closing.some((value, i) => value !== said[i])) return `${name}'s closing (who, when, the note) differs from its concern.${status === "open" ? "raised" : status} event.`;
    return null;
  });

const erasedBy = (c: RecordedComment) => c.redacted ?? c.deleted;

function commentProblem(c: RowOf<"comments">, recorded: RecordedComment | undefined): string | null {
  const name = `Comment ${c.id}`;
  if (!recorded) return `${name} has no comment.posted event.`;
  if (recorded.threadKind !== c.subjectKind || recorded.threadId !== c.subjectId || recorded.parentId !== c.parentId || recorded.author !== c.authorId) {
    return `${name} has another thread, reply or author than its comment.posted event.`;
  }
  const state = recorded.deleted ? "deleted" : recorded.hidden ? "hidden" : "visible";
  if (c.state !== state) return `${name} is ${c.state}, but the record says ${state}.`;
  const hidden = recorded.hidden;
  if (c.hiddenById !== (hidden?.by ?? null) || c.hiddenReason !== (hidden?.reason ?? null)) return `${name}'s hiding (by whom, why) differs from the record's comment.hidden event.`;
  const redacted = recorded.redacted;
  if (!c.redactedAt && redacted) return `${name} is not redacted, but the record's comment.redacted event redacted it on ${day(redacted.at)}.`;
  if (c.redactedAt && !redacted) return `${name} says it was redacted, but the record has no comment.redacted event for it.`;
  if (redacted && (iso(c.redactedAt) !== redacted.at || c.redactedById !== redacted.actor || c.redactionReason !== redacted.reason)) {
    return `${name}'s redaction (when, by whom, why) differs from its comment.redacted event.`;
  }
  if (!redacted && (c.redactedById !== null || c.redactionReason !== null)) return `${name} names a redaction the record does not have.`;
  const mentions = erasedBy(recorded) ? [] : (recorded.versions.at(-1)?.mentions ?? []);
  if (JSON.stringify(c.mentions) !== JSON.stringify(mentions)) return `${name}'s mentions differ from those of its last version's event.`;
  const edited = recorded.versions.length > 1 ? recorded.versions.at(-1)!.at : null;
  if (iso(c.editedAt) !== edited) return `${name}'s edit time differs from its last comment.edited event.`;
  return null;
}

const comments: Check = (rows, fold) => first(rows.comments, (c) => commentProblem(c, fold.comments.get(c.id)));

/** Each comment's version rows are exactly its committing events (posted, then each edit), by event id and number. */
const versions: Check = (rows, fold) => {
  const held = new Map<string, Array<RowOf<"comment_versions">>>();
  for (const v of rows.comment_versions) held.set(v.commentId, [...(held.get(v.commentId) ?? []), v]);
  return first(rows.comments, (c) => {
    const said = fold.comments.get(c.id)?.versions ?? [];
    const mine = (held.get(c.id) ?? []).sort((a, b) => a.version - b.version);
    if (mine.length !== said.length || mine.some((v, i) => v.version !== said[i]!.version || v.eventId !== said[i]!.eventId)) {
      return `Comment ${c.id}'s versions are not its comment.posted and comment.edited events in the record.`;
    }
    return null;
  });
};

/** A deleted or redacted comment's texts were erased at the origin: a copy that carries one gives it back. */
const erasedTexts: Check = (_rows, fold) =>
  first(fold.comments, ([id, c]) => {
    const erasure = erasedBy(c);
    const carried = erasure && c.versions.find((v) => v.withText);
    if (!erasure || !carried) return null;
    const how = erasure.type === "comment.redacted" ? `redacted on ${day(erasure.at)}` : `deleted by its author on ${day(erasure.at)}`;
    return `Comment ${id} was ${how}, yet the archive's record carries the text of its version ${carried.version}: an erased text must stay erased.`;
  });

/** Rows must hang on the archive's own threads, decisions and releases (another space's ids would attach them elsewhere). */
const parents: Check = (rows) => {
  const decisions = new Set(rows.decisions.map((d) => d.id));
  const releases = new Set(rows.releases.map((r) => r.id));
  const threads: Record<RowOf<"comments">["subjectKind"], Set<string>> = {
    release: releases,
    audit: new Set(rows.audits.map((a) => a.id)),
    decision: decisions,
    proposal: new Set(rows.proposals.map((p) => p.id)),
    concern: new Set(rows.concerns.map((c) => c.id)),
  };
  const commentIds = new Set(rows.comments.map((c) => c.id));
  const outside = (id: string | null, ids: Set<string>) => id !== null && !ids.has(id);
  const orphan =
    [...rows.proposals, ...rows.concerns].find((r) => outside(r.decisionId, decisions) || outside(r.releaseId, releases)) ??
    rows.comments.find((c) => !threads[c.subjectKind].has(c.subjectId) || outside(c.parentId, commentIds)) ??
    rows.comment_versions.find((v) => !commentIds.has(v.commentId));
  return orphan ? `Row ${orphan.id} belongs to a thread, comment, decision or release that is not in the archive.` : null;
};

/** From format version 2 on, every discussion the record starts has its row: a copy cannot drop one quietly. */
const complete: Check = (rows, fold) => {
  const kinds: Array<[string, Iterable<string>, Array<{ id: string }>]> = [
    ["proposal.opened for proposal", fold.proposals.keys(), rows.proposals],
    ["comment.posted for comment", fold.comments.keys(), rows.comments],
    ["concern.raised for concern", fold.concerns.keys(), rows.concerns],
  ];
  return first(kinds, ([what, recorded, list]) => {
    const held = new Set(list.map((r) => r.id));
    const missing = [...recorded].find((id) => !held.has(id));
    return missing ? `The record has ${what} ${missing}, but the archive has no row for it.` : null;
  });
};

/** The checks in order; `version` is the archive's (version 1 archives carried no discussion rows). */
export function firstDiscussionMismatch(rows: ArchiveRows, fold: DiscussionFold, version: number): string | null {
  const checks = [parents, proposals, concerns, comments, versions, erasedTexts, ...(version >= 2 ? [complete] : [])];
  return first(checks, (check) => check(rows, fold));
}
