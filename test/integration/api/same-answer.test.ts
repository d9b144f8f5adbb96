// The server action and the API route of a use case parse the same schema, so the same bad input gets the
// same answer (code, message, field keys) through either door, and changes nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/mutations";
import { httpStatus, type AppError } from "@/lib/result";
import { community, testCharter } from "@/test/integration/decisions/support";

// Auth.js's auth() and Next's revalidatePath need a request scope Vitest has not: the session is the stand-in
// for the action, a real bearer token carries the API request.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { amendCharterAction } = await import("@/lib/spaces/actions");
const { addMemberAction, changeRoleAction } = await import("@/lib/members/actions");
const charterRoute = await import("@/app/api/v1/spaces/[slug]/charter/route");
const membersRoute = await import("@/app/api/v1/spaces/[slug]/members/route");
const memberRoute = await import("@/app/api/v1/spaces/[slug]/members/[userId]/route");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let slug = "";
let spaceId = "";
let bearer = "";
let memberId = "";

beforeAll(async () => {
  const charter = testCharter();
  charter.amendments.viaDecision = false;
  const { space, people } = await community({ roles: ["owner", "member"], charter });
  [slug, spaceId] = [space.slug, space.id];
  session.actor = people[0]!;
  memberId = people[1]!.id;
  bearer = `Bearer ${(await createToken({ userId: people[0]!.id, name: "same answer" })).token}`;
});

async function viaApi(handler: unknown, method: string, path: string, params: Record<string, string>, body: unknown): Promise<{ status: number; error?: AppError }> {
  const req = new Request(`http://localhost:3000${path}`, { method, headers: { authorization: bearer, "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await (handler as Handler)(req, { params: Promise.resolve(params) });
  const json = (await response.json()) as { error?: AppError };
  return { status: response.status, error: json.error };
}

/** What the API sends for a refusal: the kind is the HTTP status, the rest the body's error. */
const asApi = (error: AppError) => {
  const { kind, ...rest } = error;
  return { status: httpStatus[kind], error: rest };
};

const snapshot = async () => ({
  events: await db.governanceEvent.count({ where: { spaceId } }),
  charters: await db.charterVersion.count({ where: { spaceId } }),
  members: await db.membership.count({ where: { spaceId } }),
});

describe("the same bad input, through the action and the API", () => {
  it("an invalid charter: INVALID_CHARTER naming the same dotted fields", async () => {
    const bad = testCharter();
    bad.decisions.release.minHours = 999;
    bad.decisions.release.maxHours = 10;
    (bad.membership as { whoInvites: string[] }).whoInvites = ["owner", "admin"];
    const body = { charter: bad, reason: "Try a broken charter" };
    const before = await snapshot();
    const action = await amendCharterAction({ spaceSlug: slug, ...body });
    const api = await viaApi(charterRoute.PUT, "PUT", `/api/v1/spaces/${slug}/charter`, { slug }, body);
    expect(action.ok).toBe(false);
    if (action.ok) return;
    expect(action.error).toMatchObject({ code: "INVALID_CHARTER", kind: "invalid" });
    expect(Object.keys(action.error.fields ?? {})).toEqual(expect.arrayContaining(["decisions.release.minHours", "membership.whoInvites.1"]));
    expect(api).toEqual(asApi(action.error));
    expect(api.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("a reason too short: the same sentence under the same field", async () => {
    const body = { charter: testCharter(), reason: "x" };
    const action = await amendCharterAction({ spaceSlug: slug, ...body });
    const api = await viaApi(charterRoute.PUT, "PUT", `/api/v1/spaces/${slug}/charter`, { slug }, body);
    expect(action).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fields: { reason: ["Say in a few words why the charter changes"] } } });
    expect(api.error?.fields).toEqual(action.ok ? undefined : action.error.fields);
  });

  it.each([
    ["an e-mail over 254 characters", { email: `${"a".repeat(250)}@example.org`, role: "member" }, "email"],
    ["something that is not an e-mail", { email: "not-an-address", role: "member" }, "email"],
    ["an unknown role", { email: "someone@example.org", role: "admin" }, "role"],
  ])("adding a member with %s: the same field error", async (_name, body, field) => {
    const before = await snapshot();
    const action = await addMemberAction({ spaceSlug: slug, ...body });
    const api = await viaApi(membersRoute.POST, "POST", `/api/v1/spaces/${slug}/members`, { slug }, body);
    expect(action.ok).toBe(false);
    if (action.ok) return;
    expect(action.error.code).toBe("INVALID_INPUT");
    expect(Object.keys(action.error.fields ?? {})).toEqual([field]);
    expect(api).toEqual(asApi(action.error));
    expect(api.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("changing a role to an unknown one: the same sentence", async () => {
    const action = await changeRoleAction({ spaceSlug: slug, userId: memberId, role: "admin" });
    const api = await viaApi(memberRoute.PATCH, "PATCH", `/api/v1/spaces/${slug}/members/${memberId}`, { slug, userId: memberId }, { role: "admin" });
    expect(action).toMatchObject({ ok: false, error: { fields: { role: ["Role must be one of: owner, steward, auditor, member."] } } });
    if (action.ok) return;
    expect(api).toEqual(asApi(action.error));
  });
});
