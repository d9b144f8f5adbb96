// What a concern refuses, and that a refusal writes nothing: a voter who is not binding, a closed decision, a release
// not in review, another space's ids and private spaces (404 exactly like a missing one), NUL and over-long text.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/mutations";
import { listSubjectConcerns } from "@/lib/concerns/use-cases/list-concerns";
import { raiseConcern } from "@/lib/concerns/use-cases/raise-concern";
import { resolveConcern } from "@/lib/concerns/use-cases/resolve-concern";
import { cancelDecision } from "@/lib/decisions/use-cases/cancel-decision";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { nulMessage } from "@/lib/validation";
import { createSpace, createUser } from "@/test/support/factories";
import { actorOf, answer, community, input, opened, releaseInReview, testCharter } from "@/test/integration/decisions/support";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { raiseConcernAction } = await import("@/lib/concerns/actions");
const decisionConcernsRoute = await import("@/app/api/v1/decisions/[id]/concerns/route");

const charter = testCharter((c) => {
  c.decisions.policy.concernsBlock = true;
});
const concern = { title: "Eval set leaks into training data", body: "Shard 17." };
const writes = async (spaceId: string) => ({ events: await db.governanceEvent.count({ where: { spaceId } }), concerns: await db.concern.count({ where: { spaceId } }) });

let world: Awaited<ReturnType<typeof community>>;
let decisionId = "";
let bearer = "";

beforeAll(async () => {
  world = await community({ roles: ["owner", "steward", "member", "auditor"], charter });
  decisionId = (await opened(await openDecision(world.people[0]!, input(world.space.slug, { kind: "policy", hours: 24 })))).id;
  bearer = `Bearer ${(await createToken({ userId: world.people[1]!.id, name: "concerns" })).token}`;
});

async function viaApi(body: unknown, id = decisionId) {
  const req = new Request(`http://localhost:3000/api/v1/decisions/${id}/concerns`, { method: "POST", headers: { authorization: bearer, "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await decisionConcernsRoute.POST(req, { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string; fields?: Record<string, string[]> } } };
}

describe("raising a concern refuses", () => {
  it("a voter whose vote is advisory, and a non-member, saying why; and writes nothing", async () => {
    const [, , member, auditor] = world.people;
    const before = await writes(world.space.id);
    const expected = { code: "NOT_BINDING_VOTER", message: "Only a binding voter can raise a blocking concern here; your vote is advisory or you have none.", kind: "forbidden" };
    expect(await answer(() => raiseConcern(member!, { on: "decision", subjectId: decisionId, ...concern }))).toEqual(expected);
    expect(await answer(() => raiseConcern(auditor!, { on: "decision", subjectId: decisionId, ...concern }))).toEqual(expected);
    const outsider = actorOf(await createUser());
    expect(await answer(() => raiseConcern(outsider, { on: "decision", subjectId: decisionId, ...concern }))).toMatchObject({ code: "FORBIDDEN", kind: "forbidden" });
    expect(await answer(() => raiseConcern(null, { on: "decision", subjectId: decisionId, ...concern }))).toEqual({ code: "UNAUTHENTICATED", message: "Sign in to raise a concern.", kind: "unauthenticated" });
    expect((await listSubjectConcerns(member!, { on: "decision", subjectId: decisionId })).raise).toEqual({ allowed: false, reason: expected.message });
    expect(await writes(world.space.id)).toEqual(before);
  });

  it("on a cancelled decision and on a release that is not in review", async () => {
    const [owner, steward] = world.people;
    const id = (await opened(await openDecision(owner!, input(world.space.slug, { kind: "policy", hours: 24 })))).id;
    expect(await cancelDecision(owner!, { decisionId: id, reason: "Superseded." })).toMatchObject({ ok: true });
    const release = await releaseInReview(world.space.id, owner!.id);
    await db.release.update({ where: { id: release.id }, data: { status: "draft" } });
    const before = await writes(world.space.id);
    expect(await raiseConcern(steward!, { on: "decision", subjectId: id, ...concern })).toEqual({
      ok: false,
      error: { code: "NOT_OPEN", message: "Concerns can be raised only while a decision is open; this one is cancelled.", kind: "conflict" },
    });
    expect(await raiseConcern(steward!, { on: "release", subjectId: release.id, ...concern })).toEqual({
      ok: false,
      error: { code: "NOT_IN_REVIEW", message: "Concerns can be raised on a release only while it is in review; this one is draft.", kind: "conflict" },
    });
    expect((await listSubjectConcerns(steward!, { on: "decision", subjectId: id })).raise.reason).toBe("Concerns can be raised only while a decision is open; this one is cancelled.");
    expect(await writes(world.space.id)).toEqual(before);
  });

  it("answers another space's ids, and a private space's to non-members, exactly like missing ones", async () => {
    const [owner, steward] = world.people;
    const raised = await raiseConcern(steward!, { on: "decision", subjectId: decisionId, ...concern });
    const concernId = raised.ok ? raised.data.id : "";
    const other = await createSpace();
    const missingDecision = { code: "NOT_FOUND", message: "No such decision.", kind: "not_found" };
    // A page under another space's path does not show this space's decision.
    expect(await answer(() => listSubjectConcerns(owner!, { on: "decision", subjectId: decisionId, spaceSlug: other.slug }))).toEqual(missingDecision);
    expect(await answer(() => listSubjectConcerns(owner!, { on: "decision", subjectId: "cmnosuchdecision0000000000" }))).toEqual(missingDecision);

    const secret = await community({ roles: ["owner", "steward"], charter });
    await db.space.update({ where: { id: secret.space.id }, data: { visibility: "private" } });
    const hiddenDecision = (await opened(await openDecision(secret.people[0]!, input(secret.space.slug, { kind: "policy", hours: 24 })))).id;
    const hiddenConcern = await raiseConcern(secret.people[1]!, { on: "decision", subjectId: hiddenDecision, ...concern });
    const hiddenId = hiddenConcern.ok ? hiddenConcern.data.id : "";
    const before = await writes(secret.space.id);
    for (const who of [owner!, null]) {
      expect(await answer(() => listSubjectConcerns(who, { on: "decision", subjectId: hiddenDecision }))).toEqual(missingDecision);
      expect(await answer(() => raiseConcern(who, { on: "decision", subjectId: hiddenDecision, ...concern }))).toEqual(missingDecision);
      expect(await answer(() => resolveConcern(who, { concernId: hiddenId }))).toEqual(await answer(() => resolveConcern(who, { concernId: "cmnosuchconcern00000000000" })));
    }
    expect(await answer(() => resolveConcern(owner!, { concernId: hiddenId }))).toEqual({ code: "NOT_FOUND", message: "No such concern.", kind: "not_found" });
    expect(await viaApi(concern, hiddenDecision)).toEqual({ status: 404, body: { error: { code: "NOT_FOUND", message: "No such decision." } } });
    expect(await writes(secret.space.id)).toEqual(before);
    expect(concernId).not.toBe("");
  });

  it("NUL characters and over-long text the same way through the action and the API, writing nothing", async () => {
    session.actor = world.people[1]!;
    const before = await writes(world.space.id);
    const cases = [
      { body: { ...concern, title: "Eval\u0000set" }, field: "title", message: nulMessage },
      { body: { ...concern, body: "x".repeat(10_001) }, field: "body", message: "Keep the text under 10,000 characters" },
      { body: { ...concern, title: "x".repeat(121) }, field: "title", message: "Keep the title to 120 characters: it is quoted in the tally" },
      { body: { ...concern, title: "  " }, field: "title", message: "Give the concern a title of at least 3 characters" },
      { body: { ...concern, body: "" }, field: "body", message: "Say what the concern is and what would resolve it" },
    ];
    for (const c of cases) {
      const action = await raiseConcernAction({ on: "decision", subjectId: decisionId, ...c.body });
      expect(action).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fields: { [c.field]: [c.message] } } });
      const api = await viaApi(c.body);
      expect(api.status).toBe(400);
      expect(api.body.error).toMatchObject({ code: "INVALID_INPUT", fields: { [c.field]: [c.message] } });
    }
    expect(await writes(world.space.id)).toEqual(before);
    session.actor = null;
  });
});
