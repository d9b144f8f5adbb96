// Comments in the record: each text is committed by a salted hash and kept beside the log; a redaction deletes the
// text everywhere (page data, API, export, feed) and the export still verifies offline, reporting the redaction;
// a text changed behind the record's back, or withheld without a redaction, fails verification naming the event.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { textCommitment } from "@/lib/record/commitment";
import { ExportVerifier } from "@/lib/record/verify-export";
import { verifyStream } from "@/lib/record/verify-stream";
import { eventsAfter } from "@/lib/history/use-cases/events-after";
import { spaceFeed } from "@/lib/history/use-cases/space-feed";
import { community } from "@/test/integration/decisions/support";
import { attempt, exportOf, verify } from "@/test/integration/threads/support";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { openProposal } = await import("@/lib/threads/use-cases/open-proposal");
const { postComment } = await import("@/lib/threads/use-cases/post-comment");
const { editComment } = await import("@/lib/threads/use-cases/edit-comment");
const { hideComment } = await import("@/lib/threads/use-cases/hide-comment");
const { redactComment } = await import("@/lib/threads/use-cases/redact-comment");
const { readThread } = await import("@/lib/threads/use-cases/read-thread");
const threadRoute = await import("@/app/api/v1/threads/[kind]/[id]/comments/route");

const SECRET = "my home address is 12 Secret Lane";

async function discussion() {
  const { space, people } = await community({ roles: ["owner", "steward", "member"] });
  const [owner, steward, member] = people as [Actor, Actor, Actor];
  const opened = await openProposal(member, { spaceSlug: space.slug, title: "Relicense the tokenizer?", body: `Let us discuss. @${steward.name} what do you think?` });
  if (!opened.ok) throw new Error(opened.error.message);
  const thread = { threadKind: "proposal" as const, threadId: opened.data.id };
  return { space, owner, steward, member, proposalId: opened.data.id, thread };
}

describe("committed comment texts", () => {
  let ctx: Awaited<ReturnType<typeof discussion>>;
  beforeAll(async () => {
    ctx = await discussion();
  });

  it("records a salted commitment, not the text, and keeps the text and salt beside the log", async () => {
    const posted = await postComment(ctx.owner, { ...ctx.thread, body: "Apache-2.0 gives a patent grant. @Nobody Here is not a member." });
    expect(posted.ok).toBe(true);
    const event = await db.governanceEvent.findFirstOrThrow({ where: { spaceId: ctx.space.id, type: "comment.posted", actorId: ctx.owner.id } });
    expect(JSON.stringify(event.data)).not.toContain("patent");
    const data = event.data as { textHash: string; version: number; mentions: string[] };
    const kept = await db.recordText.findUniqueOrThrow({ where: { eventId: event.eventId } });
    expect(kept.body).toBe("Apache-2.0 gives a patent grant. @Nobody Here is not a member.");
    expect(data.textHash).toBe(textCommitment(kept.salt, kept.body));
    expect(data).toMatchObject({ version: 1, mentions: [] });
    // The proposal's text mentioned the steward, a member: recorded for notifications.
    const first = await db.governanceEvent.findFirstOrThrow({ where: { spaceId: ctx.space.id, type: "comment.posted", actorId: ctx.member.id } });
    expect((first.data as { mentions: string[] }).mentions).toEqual([ctx.steward.id]);
  });

  it("redacts a text everywhere while the space still verifies offline, reporting who, when and why", async () => {
    const posted = await postComment(ctx.member, { ...ctx.thread, body: `Oops: ${SECRET}` });
    if (!posted.ok) throw new Error(posted.error.message);
    const edited = await editComment(ctx.member, { commentId: posted.data.id, body: `Oops, correcting: ${SECRET} (edited)` });
    expect(edited).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await exportOf(ctx.space.id, ctx.space.slug)).toContain(SECRET);
    expect(await hideComment(ctx.steward, { commentId: posted.data.id, reason: "Personal data" })).toMatchObject({ ok: true });
    expect(await redactComment(ctx.steward, { commentId: posted.data.id, reason: "Request to be forgotten" })).toMatchObject({ ok: true });

    expect(await db.recordText.count({ where: { body: { contains: "Secret Lane" } } })).toBe(0);
    // Page data (the thread as pages and the API read it), for the steward who may moderate and for a reader.
    for (const actor of [ctx.steward, null]) expect(JSON.stringify(await readThread(actor, ctx.thread))).not.toContain("Secret Lane");
    const view = await readThread(null, ctx.thread);
    expect(view.comments.find((c) => c.id === posted.data.id)).toMatchObject({ state: "redacted", body: null, note: "Request to be forgotten", earlier: [] });
    // The API.
    session.actor = null;
    const response = await threadRoute.GET(new Request(`http://localhost:3000/api/v1/threads/proposal/${ctx.proposalId}/comments`), { params: Promise.resolve({ kind: "proposal", id: ctx.proposalId }) });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("Secret Lane");
    // The exports (NDJSON and JSON pages) and the feed.
    const text = await exportOf(ctx.space.id, ctx.space.slug);
    expect(text).not.toContain("Secret Lane");
    expect(JSON.stringify(await eventsAfter(null, ctx.space.slug, { after: -1, limit: 1000 }))).not.toContain("Secret Lane");
    expect(await spaceFeed(null, ctx.space.slug, "https://cw.example", new Date())).not.toContain("Secret Lane");

    const outcome = verify(text);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const stewardName = ctx.steward.name!;
    const today = new Date().toISOString().slice(0, 10);
    expect(outcome.texts.erased).toHaveLength(2);
    for (const line of outcome.texts.erased) expect(line).toMatch(new RegExp(`^event \\d+ \\(comment\\.(posted|edited) [0-9a-f-]+\\): redacted on ${today} by ${stewardName}: Request to be forgotten$`));
    expect(outcome.texts.verified).toBeGreaterThanOrEqual(2);
    expect(outcome.summary).toContain("committed texts match their commitments; 2 erased.");
    // Through the streaming verifier (worker threads) too.
    const streamed = new ExportVerifier();
    await verifyStream(Readable.from([Buffer.from(text)]), streamed, 1);
    expect(streamed.finish()).toMatchObject({ ok: true, texts: { erased: outcome.texts.erased } });
  });

  it("fails verification naming the event when a kept text was changed", async () => {
    const { space, owner, thread } = await discussion();
    const posted = await postComment(owner, { ...thread, body: "The original words." });
    if (!posted.ok) throw new Error(posted.error.message);
    const version = await db.commentVersion.findFirstOrThrow({ where: { commentId: posted.data.id } });
    await db.recordText.update({ where: { eventId: version.eventId }, data: { body: "Words put in my mouth." } });
    const outcome = verify(await exportOf(space.id, space.slug));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toMatch(new RegExp(`^event \\d+ \\(comment\\.posted ${version.eventId}\\) carries a text that does not match the commitment in the event: the text was changed after it was recorded\\.$`));
  });

  it("fails verification when a text is missing without a deletion or redaction to explain it", async () => {
    const { space, owner, thread } = await discussion();
    const posted = await postComment(owner, { ...thread, body: "Quietly removed later." });
    if (!posted.ok) throw new Error(posted.error.message);
    const version = await db.commentVersion.findFirstOrThrow({ where: { commentId: posted.data.id } });
    await db.recordText.delete({ where: { eventId: version.eventId } });
    const outcome = verify(await exportOf(space.id, space.slug));
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok) expect(outcome.reason).toContain(`(comment.posted ${version.eventId}) commits to a text that the export does not carry, and no later deletion or redaction of comment ${posted.data.id} explains it`);
  });

  it("refuses a redaction by a member, and a second redaction, changing nothing", async () => {
    const posted = await postComment(ctx.member, { ...ctx.thread, body: "Keep me." });
    if (!posted.ok) throw new Error(posted.error.message);
    const before = await db.governanceEvent.count({ where: { spaceId: ctx.space.id } });
    expect(await attempt(() => redactComment(ctx.member, { commentId: posted.data.id, reason: "I am not a steward" }))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await attempt(() => hideComment(ctx.member, { commentId: posted.data.id, reason: "Nor here" }))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await redactComment(ctx.owner, { commentId: posted.data.id, reason: "Spam" })).toMatchObject({ ok: true });
    expect(await attempt(() => redactComment(ctx.owner, { commentId: posted.data.id, reason: "Again" }))).toMatchObject({ ok: false, error: { code: "ALREADY_REDACTED", kind: "conflict" } });
    expect(await db.governanceEvent.count({ where: { spaceId: ctx.space.id } })).toBe(before + 1);
  });
});
