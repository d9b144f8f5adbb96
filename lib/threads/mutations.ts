// Writes of threads and proposals, each with its catalog event in the same transaction. A text is written to
// record_texts with a fresh salt, and the event commits to it by hash (docs/record.md, Committed texts).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { newSalt, textCommitment } from "@/lib/record/commitment";
import { DomainError } from "@/lib/result";
import type { ThreadSubject } from "@/lib/threads/rules";

type ThreadRef = { commentId: string; threadKind: ThreadSubject["kind"]; threadId: string };
const refOf = (c: { id: string; subjectKind: ThreadSubject["kind"]; subjectId: string }): ThreadRef => ({ commentId: c.id, threadKind: c.subjectKind, threadId: c.subjectId });

/** Keeps one version's text beside the log: its salt and body, under the event that commits to it. */
async function keepText(tx: Tx, eventId: string, salt: string, body: string) {
  await tx.recordText.create({ data: { eventId, salt, body } });
}

export type NewComment = { spaceId: string; subject: ThreadSubject; parentId?: string; authorId: string; body: string; mentions: string[] };

async function insertComment(tx: Tx, c: NewComment) {
  const comment = await tx.comment.create({
    data: { spaceId: c.spaceId, subjectKind: c.subject.kind, subjectId: c.subject.id, parentId: c.parentId ?? null, authorId: c.authorId, mentions: c.mentions },
    select: { id: true, createdAt: true },
  });
  const salt = newSalt();
  const event = await appendEvent(tx, {
    spaceId: c.spaceId,
    actorId: c.authorId,
    type: "comment.posted",
    subject: { commentId: comment.id, threadKind: c.subject.kind, threadId: c.subject.id, ...(c.parentId ? { parentId: c.parentId } : {}) },
    data: { version: 1, textHash: textCommitment(salt, c.body), mentions: c.mentions },
  });
  await tx.commentVersion.create({ data: { commentId: comment.id, version: 1, eventId: event.eventId } });
  await keepText(tx, event.eventId, salt, c.body);
  return { id: comment.id, createdAt: comment.createdAt, receipt: event.receipt };
}

export function postComment(c: NewComment) {
  return db.$transaction((tx) => insertComment(tx, c));
}

type Existing = { id: string; spaceId: string; subjectKind: ThreadSubject["kind"]; subjectId: string; versions: Array<{ version: number }>; eventIds: string[] };

const changedMeanwhile = () => new DomainError("COMMENT_CHANGED", "The comment was changed, hidden or deleted meanwhile; reload and try again.", "conflict");

export function editComment({ comment, actorId, body, mentions }: { comment: Existing; actorId: string; body: string; mentions: string[] }) {
  return db.$transaction(async (tx) => {
    const version = (comment.versions.at(-1)?.version ?? 0) + 1;
    const now = new Date();
    // Only a visible, unredacted comment at the version the author saw is edited; the unique (comment, version) guards races too.
    const updated = await tx.comment.updateMany({ where: { id: comment.id, state: "visible", redactedAt: null, versions: { none: { version } } }, data: { editedAt: now, mentions } });
    if (updated.count === 0) throw changedMeanwhile();
    const salt = newSalt();
    const event = await appendEvent(tx, { spaceId: comment.spaceId, actorId, type: "comment.edited", subject: refOf(comment), data: { version, textHash: textCommitment(salt, body), mentions }, at: now });
    await tx.commentVersion.create({ data: { commentId: comment.id, version, eventId: event.eventId, createdAt: now } });
    await keepText(tx, event.eventId, salt, body);
    return { id: comment.id, version, receipt: event.receipt };
  });
}

/** Deleting by the author erases every version's text too: a deleted comment should not live on in the export. */
export function deleteComment({ comment, actorId }: { comment: Existing; actorId: string }) {
  return db.$transaction(async (tx) => {
    const updated = await tx.comment.updateMany({ where: { id: comment.id, state: { not: "deleted" } }, data: { state: "deleted", mentions: [] } });
    if (updated.count === 0) throw changedMeanwhile();
    const erased = await tx.recordText.deleteMany({ where: { eventId: { in: comment.eventIds } } });
    const event = await appendEvent(tx, { spaceId: comment.spaceId, actorId, type: "comment.deleted", subject: refOf(comment), data: { erased: erased.count } });
    return { id: comment.id, receipt: event.receipt };
  });
}

export function hideComment({ comment, actorId, reason }: { comment: Existing; actorId: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const updated = await tx.comment.updateMany({ where: { id: comment.id, state: "visible" }, data: { state: "hidden", hiddenReason: reason, hiddenById: actorId } });
    if (updated.count === 0) throw new DomainError("NOT_VISIBLE", "Only a visible comment can be hidden; this one is already hidden or deleted.", "conflict");
    const event = await appendEvent(tx, { spaceId: comment.spaceId, actorId, type: "comment.hidden", subject: refOf(comment), data: { reason } });
    return { id: comment.id, receipt: event.receipt };
  });
}

/** Deletes every version's text and salt; the commitments in the log stay and still prove the comment existed. */
export function redactComment({ comment, actorId, actorName, reason }: { comment: Existing; actorId: string; actorName: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.comment.updateMany({ where: { id: comment.id, redactedAt: null }, data: { redactedAt: now, redactedById: actorId, redactionReason: reason, mentions: [] } });
    if (updated.count === 0) throw new DomainError("ALREADY_REDACTED", "This comment's text is already redacted.", "conflict");
    const erased = await tx.recordText.deleteMany({ where: { eventId: { in: comment.eventIds } } });
    const event = await appendEvent(tx, { spaceId: comment.spaceId, actorId, type: "comment.redacted", subject: refOf(comment), data: { reason, by: actorName, erased: erased.count }, at: now });
    return { id: comment.id, receipt: event.receipt };
  });
}

export function openProposal({ spaceId, actorId, title, body, mentions }: { spaceId: string; actorId: string; title: string; body: string; mentions: string[] }) {
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({ data: { spaceId, title, createdById: actorId }, select: { id: true } });
    const event = await appendEvent(tx, { spaceId, actorId, type: "proposal.opened", subject: { proposalId: proposal.id }, data: { title } });
    await insertComment(tx, { spaceId, subject: { kind: "proposal", id: proposal.id }, authorId: actorId, body, mentions });
    return { id: proposal.id, receipt: event.receipt };
  });
}

const alreadyLinked = () => new DomainError("PROPOSAL_ALREADY_DECIDED", "This proposal has already become a decision.", "conflict");

/** Links a proposal to the decision it became, inside the transaction that opens the decision. */
export async function linkProposalToDecision(tx: Tx, { proposalId, spaceId, decisionId, actorId }: { proposalId: string; spaceId: string; decisionId: string; actorId: string }) {
  const updated = await tx.proposal.updateMany({ where: { id: proposalId, spaceId, decisionId: null }, data: { decisionId } });
  if (updated.count === 0) throw alreadyLinked();
  await appendEvent(tx, { spaceId, actorId, type: "proposal.linked", subject: { proposalId, decisionId }, data: { to: "decision" } });
}

export function linkProposalToRelease({ proposalId, spaceId, releaseId, actorId }: { proposalId: string; spaceId: string; releaseId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    await tx.proposal.update({ where: { id: proposalId }, data: { releaseId } });
    const event = await appendEvent(tx, { spaceId, actorId, type: "proposal.linked", subject: { proposalId, releaseId }, data: { to: "release" } });
    return { id: proposalId, releaseId, receipt: event.receipt };
  });
}
