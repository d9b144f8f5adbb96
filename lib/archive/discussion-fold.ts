// What the record says about a space's discussions (proposals, comments and their versions, concerns): the part of the
// record fold (record-fold.ts) for proposal.*, comment.* and concern.* events, one entry per entity. Pure.
import type { FoldEvent } from "@/lib/archive/fold-event";

/** A version's committing event: comment.posted (version 1) or comment.edited, and whether its text travelled with it. */
export type CommittedVersion = { eventId: string; version: number; mentions: string[]; at: string; withText: boolean };
export type Erasure = { type: "comment.deleted" | "comment.redacted"; actor: string | null; at: string; reason: string | null };

export type RecordedComment = {
  threadKind: string;
  threadId: string;
  parentId: string | null;
  author: string | null;
  versions: CommittedVersion[];
  hidden: { by: string | null; reason: string } | null;
  deleted: Erasure | null;
  redacted: Erasure | null;
};
export type RecordedProposal = { title: string; createdBy: string | null; decisionId: string | null; releaseId: string | null };
export type RecordedConcern = {
  decisionId: string | null;
  releaseId: string | null;
  title: string;
  body: string;
  raisedBy: string | null;
  raisedAt: string;
  close: { status: "resolved" | "overridden"; by: string | null; at: string; note: string | null } | null;
};

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export class DiscussionFold {
  readonly proposals = new Map<string, RecordedProposal>();
  readonly comments = new Map<string, RecordedComment>();
  readonly concerns = new Map<string, RecordedConcern>();

  /** Folds the event if it is a discussion's; false otherwise. `withText`: its line carried a committed text. */
  add(event: FoldEvent, withText: boolean): boolean {
    const { type, subject: s, data: d, actor, at } = event;
    if (type.startsWith("proposal.")) {
      const id = String(s.proposalId);
      if (type === "proposal.opened") this.proposals.set(id, { title: String(d.title), createdBy: actor, decisionId: null, releaseId: null });
      const proposal = this.proposals.get(id);
      if (type === "proposal.linked" && proposal) {
        if (str(s.decisionId)) proposal.decisionId = str(s.decisionId);
        if (str(s.releaseId)) proposal.releaseId = str(s.releaseId);
      }
      return true;
    }
    if (type.startsWith("comment.")) {
      this.#comment(event, withText);
      return true;
    }
    if (type.startsWith("concern.")) {
      const id = String(s.concernId);
      if (type === "concern.raised") {
        // A decision's concern names its decision (and a release decision's release); its row holds only the decision.
        const onDecision = d.on === "decision";
        this.concerns.set(id, {
          decisionId: onDecision ? str(s.decisionId) : null,
          releaseId: onDecision ? null : str(s.releaseId),
          title: String(d.title),
          body: String(d.body),
          raisedBy: actor,
          raisedAt: at,
          close: null,
        });
      }
      const concern = this.concerns.get(id);
      if (concern && (type === "concern.resolved" || type === "concern.overridden")) {
        concern.close = { status: type === "concern.resolved" ? "resolved" : "overridden", by: actor, at, note: str(type === "concern.resolved" ? d.note : d.reason) };
      }
      return true;
    }
    return false;
  }

  #comment({ id: eventId, type, subject: s, data: d, actor, at }: FoldEvent, withText: boolean): void {
    const id = String(s.commentId);
    if (type === "comment.posted") {
      this.comments.set(id, { threadKind: String(s.threadKind), threadId: String(s.threadId), parentId: str(s.parentId), author: actor, versions: [], hidden: null, deleted: null, redacted: null });
    }
    const comment = this.comments.get(id);
    if (!comment) return;
    switch (type) {
      case "comment.posted":
      case "comment.edited":
        comment.versions.push({ eventId: String(eventId), version: Number(d.version), mentions: ids(d.mentions), at, withText });
        return;
      case "comment.hidden":
        comment.hidden = { by: actor, reason: String(d.reason) };
        return;
      case "comment.deleted":
        comment.deleted = { type, actor, at, reason: null };
        return;
      case "comment.redacted":
        comment.redacted = { type, actor, at, reason: String(d.reason) };
        return;
    }
  }
}
