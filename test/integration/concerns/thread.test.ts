// A concern is itself a thread: comments on it through the threads use cases and the API, counted on the concern,
// titled in the history; and its thread is as visible as its decision or release: a private space's concern, or a
// reply aimed at another concern's comment, answers exactly like a made-up id, writing nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/mutations";
import { listSubjectConcerns } from "@/lib/concerns/use-cases/list-concerns";
import { raiseConcern } from "@/lib/concerns/use-cases/raise-concern";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { subjectTitles } from "@/lib/record/data";
import { hideComment } from "@/lib/threads/use-cases/hide-comment";
import { postComment } from "@/lib/threads/use-cases/post-comment";
import { readThread } from "@/lib/threads/use-cases/read-thread";
import { createUser } from "@/test/support/factories";
import { actorOf, answer, community, input, opened, releaseInReview, testCharter } from "@/test/integration/decisions/support";

// The API's callers sign in with a token here; no browser session.
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null, requireActor: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const threadRoute = await import("@/app/api/v1/threads/[kind]/[id]/comments/route");

const charter = testCharter((c) => {
  c.decisions.policy.concernsBlock = true;
  c.decisions.release.concernsBlock = true;
});
const concern = { title: "Eval set leaks into training data", body: "Shard 17 overlaps the eval set." };
const made = "cmnosuchconcern00000000000";
const noSuchThread = { code: "NOT_FOUND", message: "No such thread.", kind: "not_found" };

async function raised(result: Awaited<ReturnType<typeof raiseConcern>>) {
  if (!result.ok) throw new Error(`raise failed: ${result.error.code} ${result.error.message}`);
  return result.data.id;
}

async function viaApi(id: string, init: { bearer?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { accept: "application/json", ...(init.bearer ? { authorization: init.bearer } : {}) };
  const method = init.body === undefined ? "GET" : "POST";
  if (method === "POST") headers["content-type"] = "application/json";
  const req = new Request(`http://localhost:3000/api/v1/threads/concern/${id}/comments`, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const response = await threadRoute[method](req, { params: Promise.resolve({ kind: "concern", id }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const writes = async (spaceId: string) => ({ events: await db.governanceEvent.count({ where: { spaceId } }), comments: await db.comment.count({ where: { spaceId } }) });

let world: Awaited<ReturnType<typeof community>>;
let decisionId = "";

beforeAll(async () => {
  world = await community({ roles: ["owner", "steward", "member"], charter });
  decisionId = (await opened(await openDecision(world.people[0]!, input(world.space.slug, { kind: "policy", hours: 24 })))).id;
});

describe("a concern's thread", () => {
  it("takes comments and replies, points at the concern on its decision's page, and counts on the concern", async () => {
    const [owner, steward, member] = world.people as [typeof world.people[number], typeof world.people[number], typeof world.people[number]];
    const concernId = await raised(await raiseConcern(steward, { on: "decision", subjectId: decisionId, ...concern }));
    const thread = { threadKind: "concern" as const, threadId: concernId };
    const first = await postComment(member, { ...thread, body: "Which shard list did you compare?" });
    if (!first.ok) throw new Error(first.error.message);
    expect(await postComment(steward, { ...thread, body: "The one in the data card.", parentId: first.data.id })).toMatchObject({ ok: true });
    const spam = await postComment(member, { ...thread, body: "Buy tokens now" });
    if (!spam.ok) throw new Error(spam.error.message);
    expect(await hideComment(owner, { commentId: spam.data.id, reason: "Spam" })).toMatchObject({ ok: true });

    const view = await readThread(null, thread);
    expect(view.subject).toEqual({ kind: "concern", id: concernId, title: concern.title, path: `/s/${world.space.slug}/decisions/${decisionId}#concern-${concernId}` });
    expect(view.count).toBe(2);
    expect(view.comments.map((c) => [c.body, c.replies.map((r) => r.body)])).toEqual([["Which shard list did you compare?", ["The one in the data card."]], [null, []]]);
    const listed = (await listSubjectConcerns(member, { on: "decision", subjectId: decisionId })).concerns.find((c) => c.id === concernId);
    expect(listed?.comments).toBe(2);

    // The API reads the same thread, and posts into it.
    const bearer = `Bearer ${(await createToken({ userId: member.id, name: "concern thread" })).token}`;
    const api = await viaApi(concernId);
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ subject: view.subject, count: 2 });
    expect((await viaApi(concernId, { bearer, body: { body: "Posted over the API." } })).status).toBe(201);
    expect((await readThread(member, thread)).count).toBe(3);

    // The record says what each comment is on, and the history titles the concern.
    const events = await db.governanceEvent.findMany({ where: { spaceId: world.space.id, type: "comment.posted", subject: { path: ["threadId"], equals: concernId } } });
    expect(events.map((e) => (e.subject as { threadKind: string }).threadKind)).toEqual(["concern", "concern", "concern", "concern"]);
    expect((await subjectTitles(world.space.id, events))[concernId]).toBe(concern.title);
  });

  it("on a release lives on the release's page", async () => {
    const [owner, steward] = world.people;
    const release = await releaseInReview(world.space.id, owner!.id);
    const concernId = await raised(await raiseConcern(steward!, { on: "release", subjectId: release.id, ...concern }));
    expect((await readThread(owner!, { threadKind: "concern", threadId: concernId })).subject.path).toBe(`/s/${world.space.slug}/releases/${release.id}#concern-${concernId}`);
  });

  it("of a private space answers non-members, and another concern's comments as parents, exactly like made-up ids", async () => {
    const secret = await community({ roles: ["owner", "steward"], charter });
    await db.space.update({ where: { id: secret.space.id }, data: { visibility: "private" } });
    const hiddenDecision = (await opened(await openDecision(secret.people[0]!, input(secret.space.slug, { kind: "policy", hours: 24 })))).id;
    const hiddenId = await raised(await raiseConcern(secret.people[1]!, { on: "decision", subjectId: hiddenDecision, ...concern }));
    const insider = await postComment(secret.people[0]!, { threadKind: "concern", threadId: hiddenId, body: "Only members see this." });
    if (!insider.ok) throw new Error(insider.error.message);
    const before = await writes(secret.space.id);

    const outsider = actorOf(await createUser());
    const worldMember = world.people[2]!; // a member of another space
    for (const who of [outsider, worldMember, null]) {
      for (const id of [hiddenId, made]) {
        expect(await answer(() => readThread(who, { threadKind: "concern", threadId: id }))).toEqual(noSuchThread);
        expect(await answer(() => postComment(who, { threadKind: "concern", threadId: id, body: "Let me in." }))).toEqual(noSuchThread);
      }
    }
    const bearer = `Bearer ${(await createToken({ userId: worldMember.id, name: "outsider" })).token}`;
    const missing = { status: 404, body: { error: { code: "NOT_FOUND", message: "No such thread." } } };
    expect(await viaApi(hiddenId, { bearer })).toEqual(missing);
    expect(await viaApi(made, { bearer })).toEqual(missing);
    expect(await viaApi(hiddenId)).toEqual(missing);
    expect(await viaApi(hiddenId, { bearer, body: { body: "Let me in." } })).toEqual(await viaApi(made, { bearer, body: { body: "Let me in." } }));

    // A reply in this space's concern thread aimed at the private concern's comment is refused like a made-up parent.
    const own = await raised(await raiseConcern(world.people[1]!, { on: "decision", subjectId: decisionId, title: "Another concern", body: "Text." }));
    const replyTo = (parentId: string) => answer(() => postComment(worldMember, { threadKind: "concern", threadId: own, body: "Re.", parentId }));
    expect(await replyTo(insider.data.id)).toEqual(await replyTo("cmnosuchcomment00000000000"));
    expect(await replyTo(insider.data.id)).toMatchObject({ code: "PARENT_NOT_FOUND", kind: "not_found" });

    // Its members read it; nobody else's attempt wrote anything.
    expect((await readThread(secret.people[1]!, { threadKind: "concern", threadId: hiddenId })).count).toBe(1);
    expect(await writes(secret.space.id)).toEqual(before);
    expect((await subjectTitles(world.space.id, [{ subject: { threadId: hiddenId } }]))[hiddenId]).toBeUndefined();
  });
});
