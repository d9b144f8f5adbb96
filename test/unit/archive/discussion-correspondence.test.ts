// The discussion rows against their events, without a database: each kind of row in each state it can reach, and the
// first problem named for each way a row can disagree with the record.
import { describe, expect, it } from "vitest";
import { firstDiscussionMismatch } from "@/lib/archive/discussion-correspondence";
import { DiscussionFold } from "@/lib/archive/discussion-fold";
import type { FoldEvent } from "@/lib/archive/fold-event";
import { emptyRows, type ArchiveRows, type RowOf } from "@/lib/archive/rows";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 10, minute)).toISOString();
let n = 0;
const event = (type: string, actor: string, subject: Record<string, unknown>, data: Record<string, unknown>, minute: number): FoldEvent => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  type,
  actor,
  subject,
  data,
  at: at(minute),
});

/** A small space's discussions: a proposal linked to a release, a decision concern overridden, an edited comment. */
function story() {
  const fold = new DiscussionFold();
  const add = (e: FoldEvent, withText = false) => (fold.add(e, withText), e);
  add(event("proposal.opened", "ada", { proposalId: "p1" }, { title: "Ship 2.0" }, 0));
  add(event("proposal.linked", "sam", { proposalId: "p1", releaseId: "r1" }, { to: "release" }, 1));
  add(event("concern.raised", "bo", { concernId: "k1", decisionId: "d1", releaseId: "r1" }, { on: "decision", title: "Too soon", body: "Evals are missing.", blocks: true }, 2));
  add(event("concern.overridden", "sam", { concernId: "k1", decisionId: "d1", releaseId: "r1" }, { title: "Too soon", reason: "Evals are attached." }, 3));
  const ref = { commentId: "c1", threadKind: "proposal", threadId: "p1" };
  const posted = add(event("comment.posted", "ada", ref, { version: 1, textHash: "a".repeat(64), mentions: ["bo"] }, 4), true);
  const edited = add(event("comment.edited", "ada", ref, { version: 2, textHash: "b".repeat(64), mentions: [] }, 5), true);
  const rows: ArchiveRows = emptyRows();
  rows.releases.push({ id: "r1" } as RowOf<"releases">);
  rows.decisions.push({ id: "d1" } as RowOf<"decisions">);
  rows.proposals.push({ id: "p1", title: "Ship 2.0", decisionId: null, releaseId: "r1", createdById: "ada", createdAt: new Date(at(0)) });
  rows.concerns.push({
    id: "k1", decisionId: "d1", releaseId: null, title: "Too soon", body: "Evals are missing.", status: "overridden",
    raisedById: "bo", raisedAt: new Date(at(2)), closedById: "sam", closedAt: new Date(at(3)), closeNote: "Evals are attached.",
  });
  rows.comments.push({
    id: "c1", subjectKind: "proposal", subjectId: "p1", parentId: null, authorId: "ada", state: "visible", hiddenReason: null, hiddenById: null,
    mentions: [], redactedAt: null, redactedById: null, redactionReason: null, createdAt: new Date(at(4)), editedAt: new Date(at(5)),
  });
  rows.comment_versions.push({ id: "v1", commentId: "c1", version: 1, eventId: posted.id, createdAt: new Date(at(4)) });
  rows.comment_versions.push({ id: "v2", commentId: "c1", version: 2, eventId: edited.id, createdAt: new Date(at(5)) });
  return { fold, rows, add, ref };
}

describe("discussion rows against the record", () => {
  it("accept rows that are what their events made them", () => {
    const { fold, rows } = story();
    expect(firstDiscussionMismatch(rows, fold, 2)).toBeNull();
  });

  it.each<[string, (rows: ArchiveRows) => void, string]>([
    ["a proposal's link", (r) => (r.proposals[0]!.releaseId = null), "Proposal p1 (Ship 2.0) is linked to another decision or release than its proposal.linked events say."],
    ["a proposal's author", (r) => (r.proposals[0]!.createdById = "bo"), "Proposal p1 (Ship 2.0) has another title or author than its proposal.opened event."],
    ["a concern's status", (r) => (r.concerns[0]!.status = "resolved"), "Concern k1 (Too soon) is resolved, but the record's last concern event for it says overridden."],
    ["a concern's override reason", (r) => (r.concerns[0]!.closeNote = "Because."), "Concern k1 (Too soon)'s closing (who, when, the note) differs from its concern.overridden event."],
    ["a decision concern moved to the release", (r) => Object.assign(r.concerns[0]!, { decisionId: null, releaseId: "r1" }), "Concern k1 (Too soon)'s decision differs from its concern.raised event."],
    ["a comment's mentions", (r) => (r.comments[0]!.mentions = ["bo"]), "Comment c1's mentions differ from those of its last version's event."],
    ["a comment's edit time", (r) => (r.comments[0]!.editedAt = null), "Comment c1's edit time differs from its last comment.edited event."],
    ["a comment hidden without an event", (r) => Object.assign(r.comments[0]!, { state: "hidden", hiddenReason: "spam", hiddenById: "sam" }), "Comment c1 is hidden, but the record says visible."],
    ["a redaction the record lacks", (r) => Object.assign(r.comments[0]!, { redactedAt: new Date(at(9)), redactedById: "sam", redactionReason: "spam" }), "Comment c1 says it was redacted, but the record has no comment.redacted event for it."],
    ["a version dropped", (r) => r.comment_versions.pop(), "Comment c1's versions are not its comment.posted and comment.edited events in the record."],
    ["a reply to a comment not in the archive", (r) => (r.comments[0]!.parentId = "c9"), "Row c1 belongs to a thread, comment, decision or release that is not in the archive."],
    ["a concern on another space's decision", (r) => (r.concerns[0]!.decisionId = "d9"), "Row k1 belongs to a thread, comment, decision or release that is not in the archive."],
  ])("refuse %s", (_what, edit, reason) => {
    const { fold, rows } = story();
    edit(rows);
    expect(firstDiscussionMismatch(rows, fold, 2)).toBe(reason);
  });

  it("refuse a redacted comment whose text travels, and a row that hides the redaction", () => {
    const { fold, rows, add, ref } = story();
    add(event("comment.redacted", "sam", ref, { reason: "Personal data", by: "Sam", erased: 2 }, 8));
    Object.assign(rows.comments[0]!, { redactedAt: new Date(at(8)), redactedById: "sam", redactionReason: "Personal data" });
    // Both versions' lines still carry their texts (fold.add above was told so): a copy from before the redaction.
    expect(firstDiscussionMismatch(rows, fold, 2)).toBe("Comment c1 was redacted on 2026-12-02, yet the archive's record carries the text of its version 1: an erased text must stay erased.");
    for (const v of fold.comments.get("c1")!.versions) v.withText = false;
    expect(firstDiscussionMismatch(rows, fold, 2)).toBeNull();
    rows.comments[0]!.redactedAt = null;
    expect(firstDiscussionMismatch(rows, fold, 2)).toBe("Comment c1 is not redacted, but the record's comment.redacted event redacted it on 2026-12-02.");
  });

  it("require a row for every discussion from format version 2 on, not in version 1", () => {
    const { fold, rows } = story();
    rows.comments = [];
    rows.comment_versions = [];
    expect(firstDiscussionMismatch(rows, fold, 2)).toBe("The record has comment.posted for comment c1, but the archive has no row for it.");
    expect(firstDiscussionMismatch(rows, fold, 1)).toBeNull();
  });
});
