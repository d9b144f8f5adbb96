// Threads and proposals through their use cases against real Postgres: replies, edits with earlier versions, deletes,
// hides, a proposal turned into a decision in one transaction; and the refusals, which change nothing.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { parseInput } from "@/lib/validation";
import { postCommentInput, threadInput } from "@/lib/threads/schema";
import { openProposal } from "@/lib/threads/use-cases/open-proposal";
import { postComment } from "@/lib/threads/use-cases/post-comment";
import { editComment } from "@/lib/threads/use-cases/edit-comment";
import { deleteComment } from "@/lib/threads/use-cases/delete-comment";
import { hideComment } from "@/lib/threads/use-cases/hide-comment";
import { readThread } from "@/lib/threads/use-cases/read-thread";
import { linkProposal } from "@/lib/threads/use-cases/link-proposal";
import { proposalDetail } from "@/lib/threads/use-cases/proposals";
import { actorOf, community, input, releaseInReview, snapshot } from "@/test/integration/decisions/support";
import { createSpace, createUser } from "@/test/support/factories";
import { attempt } from "@/test/integration/threads/support";

async function proposalIn(visibility: "public" | "private" = "public") {
  const { space, people } = await community({ roles: ["owner", "steward", "member"] });
  if (visibility === "private") await db.space.update({ where: { id: space.id }, data: { visibility: "private" } });
  const [owner, steward, member] = people as [Actor, Actor, Actor];
  const opened = await openProposal(member, { spaceSlug: space.slug, title: "Relicense the tokenizer under Apache-2.0?", body: "What do you think?" });
  if (!opened.ok) throw new Error(opened.error.message);
  return { space, owner, steward, member, thread: { threadKind: "proposal" as const, threadId: opened.data.id }, proposalId: opened.data.id };
}

describe("a thread", () => {
  it("nests replies one level, keeps earlier versions, and tells deleted and hidden comments apart", async () => {
    const { owner, steward, member, thread, space } = await proposalIn();
    const top = await postComment(owner, { ...thread, body: "I am for it." });
    if (!top.ok) throw new Error(top.error.message);
    const reply = await postComment(steward, { ...thread, body: "Agreed.", parentId: top.data.id });
    if (!reply.ok) throw new Error(reply.error.message);
    // A reply to a reply joins the top comment's replies.
    const deep = await postComment(member, { ...thread, body: "Me too.", parentId: reply.data.id });
    if (!deep.ok) throw new Error(deep.error.message);
    expect((await db.comment.findUniqueOrThrow({ where: { id: deep.data.id } })).parentId).toBe(top.data.id);
    expect(await editComment(owner, { commentId: top.data.id, body: "I am for it, with a NOTICE file." })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await deleteComment(steward, { commentId: reply.data.id })).toMatchObject({ ok: true });
    expect(await hideComment(steward, { commentId: deep.data.id, reason: "Off topic" })).toMatchObject({ ok: true });

    const view = await readThread(member, thread);
    const shown = view.comments.find((c) => c.id === top.data.id)!;
    expect(shown).toMatchObject({ state: "visible", body: "I am for it, with a NOTICE file.", version: 2, earlier: [{ version: 1, body: "I am for it." }] });
    expect(shown.replies.map((r) => [r.state, r.body, r.note])).toEqual([["deleted", null, null], ["hidden", null, "Off topic"]]);
    // A steward sees a hidden text (to decide on a redaction); the deleted one is gone for everyone.
    const forSteward = (await readThread(steward, thread)).comments.find((c) => c.id === top.data.id)!;
    expect(forSteward.replies.map((r) => r.body)).toEqual([null, "Me too."]);
    expect(await db.recordText.count({ where: { body: "Agreed." } })).toBe(0);
    expect(view.count).toBe(2); // the proposal's text and the owner's comment
    const types = (await db.governanceEvent.findMany({ where: { spaceId: space.id }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["proposal.opened", "comment.posted", "comment.posted", "comment.posted", "comment.posted", "comment.edited", "comment.deleted", "comment.hidden"]);
  });

  it("refuses what it must, changing nothing", async () => {
    const { space, owner, member, thread } = await proposalIn();
    const posted = await postComment(owner, { ...thread, body: "Mine." });
    if (!posted.ok) throw new Error(posted.error.message);
    const stranger = actorOf(await createUser({ name: "Stranger" }));
    const other = await proposalIn();
    const before = await snapshot(space.id);
    expect(await attempt(() => editComment(member, { commentId: posted.data.id, body: "Not mine to change" }))).toMatchObject({ ok: false, error: { code: "NOT_AUTHOR", kind: "forbidden" } });
    expect(await attempt(() => deleteComment(member, { commentId: posted.data.id }))).toMatchObject({ ok: false, error: { code: "NOT_AUTHOR" } });
    expect(await attempt(() => editComment(owner, { commentId: posted.data.id, body: "Mine." }))).toMatchObject({ ok: false, error: { code: "NO_CHANGE" } });
    expect(await attempt(() => postComment(stranger, { ...thread, body: "Let me in" }))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await attempt(() => postComment(null, { ...thread, body: "Anonymous" }))).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    // A parent from another thread answers like a missing one.
    expect(await attempt(() => postComment(owner, { ...thread, body: "Reply", parentId: (other.thread.threadId) }))).toMatchObject({ ok: false, error: { code: "PARENT_NOT_FOUND", kind: "not_found" } });
    expect(await attempt(() => postComment(owner, { threadKind: "decision", threadId: thread.threadId, body: "Wrong kind" }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "No such thread." } });
    expect(await attempt(() => postComment(owner, { threadKind: "concern", threadId: "nope", body: "No concern yet" }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await snapshot(space.id)).toEqual(before);
    // Bad input never reaches the use case: empty, over-long, NUL, unknown fields, unknown kinds.
    const parse = (value: unknown) => parseInput(postCommentInput, value);
    expect(parse({ ...thread, body: "   " })).toMatchObject({ ok: false, error: { fields: { body: ["Write something before posting: an empty comment is not posted."] } } });
    expect(parse({ ...thread, body: "x".repeat(10_001) })).toMatchObject({ ok: false, error: { fields: { body: ["Keep a comment under 10,000 characters."] } } });
    expect(parse({ ...thread, body: "nul \u0000 here" })).toMatchObject({ ok: false });
    expect(parse({ ...thread, body: "ok", extra: 1 })).toMatchObject({ ok: false });
    expect(parseInput(threadInput, { threadKind: "user", threadId: "x" })).toMatchObject({ ok: false });
  });

  it("is invisible in a private space to non-members, exactly like a missing one", async () => {
    const { owner, thread } = await proposalIn("private");
    const posted = await postComment(owner, { ...thread, body: "Members only." });
    if (!posted.ok) throw new Error(posted.error.message);
    const stranger = actorOf(await createUser());
    const missing = await attempt(() => readThread(stranger, { threadKind: "proposal", threadId: "no-such-id" }));
    for (const actor of [stranger, null]) {
      expect(await attempt(() => readThread(actor, thread))).toEqual(missing);
      expect(await attempt(() => postComment(actor, { ...thread, body: "hello" }))).toEqual(missing);
      expect(await attempt(() => hideComment(actor, { commentId: posted.data.id, reason: "nope" }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "No such comment." } });
      expect(await attempt(() => proposalDetail(actor, thread.threadId))).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "No such proposal." } });
    }
  });

  it("records mentions of members only: in a private space a non-member's name does nothing", async () => {
    const { owner, steward, thread } = await proposalIn("private");
    const outsider = await createUser({ name: "Olga Outsider" });
    const posted = await postComment(owner, { ...thread, body: `@${steward.name} and @Olga Outsider, please look.` });
    expect(posted).toMatchObject({ ok: true, data: { mentions: [steward.id] } });
    expect((await db.comment.findFirstOrThrow({ where: { authorId: owner.id, subjectId: thread.threadId } })).mentions).not.toContain(outsider.id);
  });
});

describe("a proposal", () => {
  it("becomes a decision in the decision's own transaction, once, and links to a release", async () => {
    const { space, steward, member, proposalId } = await proposalIn();
    const refused = await attempt(() => openDecision(member, input(space.slug, { kind: "policy", proposalId })));
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const decision = await openDecision(steward, input(space.slug, { kind: "policy", title: "Relicense the tokenizer", proposalId }));
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ decisionId: decision.data.id });
    const linked = await db.governanceEvent.findFirstOrThrow({ where: { spaceId: space.id, type: "proposal.linked" } });
    expect(linked.subject).toEqual({ proposalId, decisionId: decision.data.id });
    const decisions = await db.decision.count({ where: { spaceId: space.id } });
    expect(await openDecision(steward, input(space.slug, { kind: "policy", proposalId }))).toMatchObject({ ok: false, error: { code: "PROPOSAL_ALREADY_DECIDED" } });
    // Another space's proposal answers like a missing one, and opens nothing.
    const other = await proposalIn();
    expect(await openDecision(steward, input(space.slug, { kind: "policy", proposalId: other.proposalId }))).toMatchObject({ ok: false, error: { code: "PROPOSAL_NOT_FOUND", kind: "not_found" } });
    expect(await db.decision.count({ where: { spaceId: space.id } })).toBe(decisions);

    const release = await releaseInReview(space.id, steward.id);
    expect(await linkProposal(steward, { proposalId, releaseId: release.id })).toMatchObject({ ok: true });
    const foreign = await releaseInReview((await createSpace()).id, steward.id);
    expect(await linkProposal(steward, { proposalId, releaseId: foreign.id })).toMatchObject({ ok: false, error: { code: "RELEASE_NOT_FOUND" } });
    expect(await proposalDetail(member, proposalId)).toMatchObject({ decision: { id: decision.data.id }, release: { id: release.id }, comments: 1, mayLink: false });
  });
});
