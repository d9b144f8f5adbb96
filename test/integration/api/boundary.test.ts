// Every write endpoint of the API against every kind of input the boundary refuses: each refusal
// answers its status and code, names the field where there is one, and writes nothing to the record.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { endpoints } from "@/lib/api/endpoints";
import { db } from "@/lib/db";
import { fileAuditReport } from "@/lib/audits/use-cases/file-audit-report";
import { openDecisionInput } from "@/lib/decisions/schema";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { openProposal } from "@/lib/threads/use-cases/open-proposal";
import { postComment } from "@/lib/threads/use-cases/post-comment";
import { createToken } from "@/lib/tokens/mutations";
import { createInvitation } from "@/lib/members/use-cases/create-invitation";
import { addMember } from "@/lib/members/use-cases/add-member";
import { raiseConcern } from "@/lib/concerns/use-cases/raise-concern";
import { createWebhook } from "@/lib/webhooks/use-cases/create-webhook";

// One token sends a few hundred requests here: the write budget is not what this file tests
// (test/integration/rate-limit does), so it is set far above them.
process.env.CW_RATE_LIMIT_WRITES_PER_MINUTE = "100000";
import { nulMessage } from "@/lib/validation";
import { createRelease, digestOf, reportInput } from "@/test/integration/audits/support";
import { community, testCharter } from "@/test/integration/decisions/support";
import { createUser } from "@/test/support/factories";

// Auth.js's auth() needs Next's request scope, which Vitest has not: the session is the one stand-in.
// Bearer tokens (real ones, from the database) carry every request below except the cookie cases,
// and the cross-site refusal happens before the session would be read.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  currentActor: async () => session.actor,
  requireActor: async () => session.actor,
}));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Case = {
  params: Record<string, string>;
  /** A body the endpoint accepts; null for writes that take none. */
  body: Record<string, unknown> | null;
  /** Dotted path of a text field of `body`. */
  text?: string;
};

const origin = "http://localhost:3000";
// The one-click unsubscribe (auth "none") takes no JSON and no session: its signed token is the authorization,
// and test/integration/notifications/unsubscribe.test.ts covers its refusals.
const writeEndpoints = endpoints.filter((e) => e.method !== "get" && e.path.startsWith("/api/v1/") && e.auth !== "none");
/** Writes of a person's own settings: they pass the same boundary but are not governance, so not recorded. */
const personalWrites = new Set(["POST /api/v1/notifications/read", "PUT /api/v1/notifications/preferences", "PUT /api/v1/spaces/{slug}/watch"]);
const keyOf = (e: { method: string; path: string }) => `${e.method.toUpperCase()} ${e.path}`;

function routeFile(apiPath: string) {
  return path.resolve("app", ...apiPath.slice(1).split("/").map((s) => s.replace(/^\{(\w+)\}$/, "[$1]")), "route.ts");
}

async function handlerOf(key: string): Promise<Handler> {
  const [method, apiPath] = key.split(" ") as [string, string];
  const mod = (await import(routeFile(apiPath))) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${routeFile(apiPath)} exports no ${method}`);
  return handler;
}

function setAt(target: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  const parts = dotted.split(".");
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
  return copy;
}

/** JSON text of an object with one more key appended verbatim, so `__proto__` stays an own key. */
const withRawKey = (body: Record<string, unknown>, key: string, value: unknown) => {
  const text = JSON.stringify(body);
  return `${text.slice(0, -1)}${text.length > 2 ? "," : ""}${JSON.stringify(key)}:${JSON.stringify(value)}}`;
};

/** The body as UTF-8 bytes with a broken sequence (C3 28) inside the text field. */
function invalidUtf8(body: Record<string, unknown>, text: string): Uint8Array {
  const marker = "@@MARKER@@";
  const json = new TextEncoder().encode(JSON.stringify(setAt(body, text, marker)));
  const at = Buffer.from(json).indexOf(marker);
  return Uint8Array.from([...json.slice(0, at), 0x63, 0x61, 0x66, 0xc3, 0x28, ...json.slice(at + marker.length)]);
}

let bearer = "";
let sessionCookie = "";
let spaceId = "";
let owner: Actor;
const cases: Record<string, Case> = {};

beforeAll(async () => {
  const charter = testCharter();
  charter.amendments.viaDecision = false;
  const { space, people } = await community({ roles: ["owner", "steward", "member"], charter });
  spaceId = space.id;
  const [ownerActor, steward, member] = people as [Actor, Actor, Actor];
  owner = ownerActor;
  const newcomer = await createUser({ name: "Newcomer" });
  bearer = `Bearer ${(await createToken({ userId: owner.id, name: "boundary test" })).token}`;
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: owner.id, expires: new Date(Date.now() + 86_400_000) } });
  sessionCookie = `authjs.session-token=${sessionToken}`;

  const digests = [digestOf("a"), digestOf("b"), digestOf("c")];
  const release = await createRelease(space.id, owner.id, digests);
  const filed = await fileAuditReport(steward, reportInput(release.id, digests));
  if (!filed.ok) throw new Error(filed.error.message);
  const finding = await db.finding.findFirstOrThrow({ where: { reportId: filed.data.reportId }, orderBy: { number: "asc" } });
  const open = async (title: string) => {
    const opened = await openDecision(owner, openDecisionInput.parse({ spaceSlug: space.slug, title, kind: "policy", hours: 72 }));
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.data.id;
  };
  const toVote = await open("Adopt the code of conduct");
  // The steward votes first, so the owner's ballot below leaves nobody binding to vote and the close is allowed.
  const stewardBallot = await castBallot(steward, { decisionId: toVote, choice: "yes" });
  if (!stewardBallot.ok) throw new Error(stewardBallot.error.message);
  const toCancel = await open("Adopt the old code of conduct");
  // Concerns on a decision of their own, so the close and the cancel above are not affected by them: one the
  // owner raised (to resolve) and one the steward raised (for the owner to override).
  const concernOn = await open("Adopt a contributor licence agreement");
  const raised = async (who: Actor, title: string) => {
    const result = await raiseConcern(who, { on: "decision", subjectId: concernOn, title, body: "The text of the concern." });
    if (!result.ok) throw new Error(result.error.message);
    return result.data.id;
  };
  const ownConcern = await raised(owner, "The CLA scares off contributors");
  const stewardConcern = await raised(steward, "The CLA has no patent clause");

  // A person who arrived with an archive, unclaimed, and a user of this instance for the owner to map them to.
  const arrived = await createUser({ name: "Arrived" });
  await db.importedIdentity.create({ data: { userId: arrived.id, identities: [] } });
  const arrivedAdded = await addMember(owner, { spaceSlug: space.slug, email: arrived.email!, role: "member" });
  if (!arrivedAdded.ok) throw new Error(arrivedAdded.error.message);
  const mappedTo = await createUser({ name: "Mapped to" });

  const invitation = await createInvitation(owner, { spaceSlug: space.slug, role: "member", expiresInDays: 7 });
  if (!invitation.ok) throw new Error(invitation.error.message);

  const slug = space.slug;
  const proposal = await openProposal(owner, { spaceSlug: slug, title: "Discuss the boundary", body: "Opening text" });
  if (!proposal.ok) throw new Error(proposal.error.message);
  const thread = { threadKind: "proposal" as const, threadId: proposal.data.id };
  const commentFor = async (body: string) => {
    const posted = await postComment(owner, { ...thread, body });
    if (!posted.ok) throw new Error(posted.error.message);
    return posted.data.id;
  };
  const [toEdit, toDelete, toHide, toRedact] = [await commentFor("edit me"), await commentFor("delete me"), await commentFor("hide me"), await commentFor("redact me")];
  // Webhooks on loopback, which the allowlist admits; one per write, since deleting one is among them. The
  // redelivered delivery is a row of the log the job queue would write (deliveries are not governance events).
  process.env.CW_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
  const webhookFor = async (description: string) => {
    const created = await createWebhook(owner, { spaceSlug: slug, url: "http://127.0.0.1:9/boundary", description, eventTypes: [], enabled: true });
    if (!created.ok) throw new Error(created.error.message);
    return created.data.id;
  };
  const [hookToEdit, hookToDelete, hookToRotate, hookToRedeliver] = [await webhookFor("edit"), await webhookFor("delete"), await webhookFor("rotate"), await webhookFor("redeliver")];
  const anEvent = await db.governanceEvent.findFirstOrThrow({ where: { spaceId: space.id }, orderBy: { id: "asc" } });
  const delivery = await db.webhookDelivery.create({ data: { id: `dlv_${randomBytes(8).toString("hex")}`, endpointId: hookToRedeliver, eventId: anEvent.id, status: "failed", attempts: 1 } });
  const amended = structuredClone(charter);
  amended.decisions.policy.quorum = { type: "share", value: 0.6 };
  Object.assign(cases, {
    "POST /api/v1/spaces": { params: {}, body: { slug: `b-${randomBytes(4).toString("hex")}`, name: "Boundary", visibility: "public" }, text: "name" },
    "POST /api/v1/spaces/{slug}/members": { params: { slug }, body: { email: newcomer.email, role: "member" }, text: "email" },
    "PATCH /api/v1/spaces/{slug}/members/{userId}": { params: { slug, userId: member.id }, body: { role: "auditor" }, text: "role" },
    "DELETE /api/v1/spaces/{slug}/members/{userId}": { params: { slug, userId: member.id }, body: null },
    "POST /api/v1/spaces/{slug}/members/{userId}/identity": { params: { slug, userId: arrived.id }, body: { email: mappedTo.email }, text: "email" },
    "DELETE /api/v1/spaces/{slug}/invitations/{id}": { params: { slug, id: invitation.data.id }, body: null },
    "PATCH /api/v1/users/{id}": { params: { id: owner.id }, body: { name: "Boundary Owner" }, text: "name" },
    "PUT /api/v1/spaces/{slug}/charter": { params: { slug }, body: { charter: amended, reason: "Tighten the policy quorum", basedOnVersion: 1 }, text: "reason" },
    "POST /api/v1/spaces/{slug}/releases": {
      params: { slug },
      body: {
        modelName: "lumen-boundary",
        version: "1.0",
        summary: "A release proposed through the API.",
        artifacts: [{ name: "model.safetensors", kind: "weights", digest: `sha256:${"d".repeat(64)}`, uri: "https://example.org/model.safetensors" }],
      },
      text: "artifacts.0.uri",
    },
    "PATCH /api/v1/releases/{id}": { params: { id: release.id }, body: { summary: "Edited through the API." }, text: "summary" },
    "POST /api/v1/releases/{id}/transitions": { params: { id: release.id }, body: { to: "draft", note: "Back to the drawing board." }, text: "note" },
    "POST /api/v1/releases/{id}/audits": {
      params: { id: release.id },
      body: { category: "security", scopeDigests: [digests[1]], summary: "No secrets in the tokenizer.", verdict: "pass" },
      text: "summary",
    },
    "POST /api/v1/audits/{id}/reviews": { params: { id: filed.data.reportId }, body: { verdict: "accept", comment: "Checked the runs." }, text: "comment" },
    "PATCH /api/v1/findings/{id}": { params: { id: finding.id }, body: { status: "acknowledged", note: "We see it." }, text: "note" },
    "POST /api/v1/spaces/{slug}/decisions": { params: { slug }, body: { title: "Adopt a security policy", kind: "policy", hours: 72 }, text: "title" },
    "POST /api/v1/decisions/{id}/ballots": { params: { id: toVote }, body: { choice: "yes", reason: "Long overdue." }, text: "reason" },
    "POST /api/v1/decisions/{id}/close": { params: { id: toVote }, body: null },
    "POST /api/v1/decisions/{id}/cancel": { params: { id: toCancel }, body: { reason: "Superseded by the new code." }, text: "reason" },
    "POST /api/v1/threads/{kind}/{id}/comments": { params: { kind: "proposal", id: proposal.data.id }, body: { body: "A comment through the API." }, text: "body" },
    "PATCH /api/v1/comments/{id}": { params: { id: toEdit }, body: { body: "Edited through the API." }, text: "body" },
    "DELETE /api/v1/comments/{id}": { params: { id: toDelete }, body: null },
    "POST /api/v1/comments/{id}/hide": { params: { id: toHide }, body: { reason: "Off topic here." }, text: "reason" },
    "POST /api/v1/comments/{id}/redact": { params: { id: toRedact }, body: { reason: "Personal data." }, text: "reason" },
    "POST /api/v1/spaces/{slug}/proposals": { params: { slug }, body: { title: "Another proposal", body: "Through the API." }, text: "body" },
    "POST /api/v1/proposals/{id}/release": { params: { id: proposal.data.id }, body: { releaseId: release.id }, text: "releaseId" },
    "POST /api/v1/decisions/{id}/concerns": { params: { id: concernOn }, body: { title: "No exit clause", body: "Contributors cannot leave the CLA." }, text: "body" },
    "POST /api/v1/releases/{id}/concerns": { params: { id: release.id }, body: { title: "Weights differ from the audit", body: "The audited digest is not the one proposed." }, text: "title" },
    "POST /api/v1/concerns/{id}/resolve": { params: { id: ownConcern }, body: { note: "We dropped the CLA." }, text: "note" },
    "POST /api/v1/spaces/{slug}/webhooks": { params: { slug }, body: { url: "http://127.0.0.1:9/another", description: "Another CI" }, text: "description" },
    "PATCH /api/v1/spaces/{slug}/webhooks/{webhookId}": { params: { slug, webhookId: hookToEdit }, body: { description: "Edited" }, text: "description" },
    "DELETE /api/v1/spaces/{slug}/webhooks/{webhookId}": { params: { slug, webhookId: hookToDelete }, body: null },
    "POST /api/v1/spaces/{slug}/webhooks/{webhookId}/rotate-secret": { params: { slug, webhookId: hookToRotate }, body: null },
    "POST /api/v1/spaces/{slug}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": { params: { slug, webhookId: hookToRedeliver, deliveryId: delivery.id }, body: null },
    "POST /api/v1/concerns/{id}/override": { params: { id: stewardConcern }, body: { reason: "The foundation's CLA covers patents." }, text: "reason" },
    "POST /api/v1/notifications/read": { params: {}, body: { ids: ["not-a-notification-of-yours"] }, text: "ids.0" },
    "PUT /api/v1/notifications/preferences": { params: {}, body: { decision_closed: "daily" }, text: "decision_closed" },
    "PUT /api/v1/spaces/{slug}/watch": { params: { slug }, body: { watching: "watch", itemId: toVote }, text: "itemId" },
  } satisfies Record<string, Case>);
});

function concretePath(apiPath: string, params: Record<string, string>) {
  return apiPath.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]!));
}

async function send(key: string, { body, headers = {} }: { body?: string | Uint8Array | null; headers?: Record<string, string> }) {
  const [method, apiPath] = key.split(" ") as [string, string];
  const { params } = cases[key]!;
  const req = new Request(`${origin}${concretePath(apiPath, params)}`, { method, headers, body: (body ?? undefined) as BodyInit | undefined });
  const response = await (await handlerOf(key))(req, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as { error?: { code: string; message: string; fields?: Record<string, string[]> } }) : null };
}

const json = { "content-type": "application/json" };
const recordCounts = async () => ({ all: await db.governanceEvent.count(), space: await db.governanceEvent.count({ where: { spaceId } }) });

type Bad = { name: string; request: (c: Case) => { body: string | Uint8Array; headers: Record<string, string> }; status: number; code: string; field?: (c: Case) => string; message?: string };

const bodyOf = (c: Case) => c.body ?? {};
// A write that takes no body gets its bad text in a field of its own (the walk runs before the schema).
const textOf = (c: Case) => c.text ?? "note";
const withText = (c: Case, value: string) => setAt(bodyOf(c), textOf(c), value);

const bad: Bad[] = [
  { name: "a NUL character in a text field", request: (c) => ({ body: JSON.stringify(withText(c, "before\u0000after")), headers: { ...json, authorization: bearer } }), status: 400, code: "INVALID_INPUT", field: textOf, message: nulMessage },
  { name: "an unknown field", request: (c) => ({ body: JSON.stringify({ ...bodyOf(c), quorom: { type: "count", value: 1 } }), headers: { ...json, authorization: bearer } }), status: 400, code: "INVALID_INPUT", field: () => "quorom", message: 'Unknown field "quorom".' },
  { name: "a __proto__ key", request: (c) => ({ body: withRawKey(bodyOf(c), "__proto__", { isAdmin: true }), headers: { ...json, authorization: bearer } }), status: 400, code: "INVALID_INPUT", field: () => "__proto__", message: 'Unknown field "__proto__".' },
  { name: "a constructor key", request: (c) => ({ body: withRawKey(bodyOf(c), "constructor", { prototype: { isAdmin: true } }), headers: { ...json, authorization: bearer } }), status: 400, code: "INVALID_INPUT", field: () => "constructor", message: 'Unknown field "constructor".' },
  { name: "JSON sent as text/plain", request: (c) => ({ body: JSON.stringify(bodyOf(c)), headers: { "content-type": "text/plain", authorization: bearer } }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "JSON sent form-encoded", request: (c) => ({ body: JSON.stringify(bodyOf(c)), headers: { "content-type": "application/x-www-form-urlencoded", authorization: bearer } }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "JSON with no Content-Type", request: (c) => ({ body: new TextEncoder().encode(JSON.stringify(bodyOf(c))), headers: { authorization: bearer } }), status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "invalid UTF-8 bytes", request: (c) => ({ body: invalidUtf8(bodyOf(c), textOf(c)), headers: { ...json, authorization: bearer } }), status: 400, code: "INVALID_UTF8" },
  { name: "the session cookie from a foreign Origin", request: (c) => ({ body: JSON.stringify(bodyOf(c)), headers: { ...json, cookie: sessionCookie, origin: "https://evil.example" } }), status: 403, code: "CROSS_SITE_REQUEST" },
  { name: "the session cookie from Origin: null", request: (c) => ({ body: JSON.stringify(bodyOf(c)), headers: { ...json, cookie: sessionCookie, origin: "null" } }), status: 403, code: "CROSS_SITE_REQUEST" },
  { name: "the session cookie with no Origin", request: (c) => ({ body: JSON.stringify(bodyOf(c)), headers: { ...json, cookie: sessionCookie } }), status: 403, code: "CROSS_SITE_REQUEST" },
  { name: "the session cookie, Sec-Fetch-Site cross-site", request: (c) => ({ body: JSON.stringify(bodyOf(c)), headers: { ...json, cookie: sessionCookie, "sec-fetch-site": "cross-site", origin: "https://evil.example" } }), status: 403, code: "CROSS_SITE_REQUEST" },
];

describe("the API boundary on every write endpoint", () => {
  it("has a case for every write endpoint the API declares (and no other)", () => {
    expect(Object.keys(cases).sort()).toEqual(writeEndpoints.map(keyOf).sort());
    expect(writeEndpoints.length).toBeGreaterThanOrEqual(15);
  });

  const table = writeEndpoints.flatMap((e) => bad.map((b) => [keyOf(e), b.name, b] as const));
  it.each(table)("%s refuses %s, and writes nothing", async (key, _name, b) => {
    const c = cases[key]!;
    const before = await recordCounts();
    session.actor = owner; // were the cookie ever read, it would be the owner's: the refusal must not depend on it
    const { status, json: answer } = await send(key, b.request(c));
    session.actor = null;
    expect({ status, code: answer?.error?.code }).toEqual({ status: b.status, code: b.code });
    if (b.field) {
      expect(answer?.error?.fields).toEqual({ [b.field(c)]: [b.message] });
      // The path is in `fields`; the message is the sentence itself, with no "path: " prefix.
      expect(answer?.error?.message).toBe(b.message);
    }
    expect(await recordCounts()).toEqual(before);
  });
});

describe("the same requests, well-formed, pass the boundary", () => {
  // In this order: each leaves the state the next needs (the ballot before the close, the member removed last).
  const order = [
    "POST /api/v1/spaces",
    "POST /api/v1/spaces/{slug}/members",
    "PATCH /api/v1/spaces/{slug}/members/{userId}",
    "POST /api/v1/spaces/{slug}/members/{userId}/identity",
    "PUT /api/v1/spaces/{slug}/charter",
    "POST /api/v1/spaces/{slug}/releases",
    "PATCH /api/v1/releases/{id}",
    "POST /api/v1/releases/{id}/audits",
    "POST /api/v1/audits/{id}/reviews", // the steward filed the report: the owner may review it
    "PATCH /api/v1/findings/{id}",
    "POST /api/v1/spaces/{slug}/decisions",
    "POST /api/v1/decisions/{id}/concerns",
    "POST /api/v1/releases/{id}/concerns", // the release is still in review: its transition to draft comes later
    "POST /api/v1/concerns/{id}/resolve",
    "POST /api/v1/concerns/{id}/override",
    "POST /api/v1/decisions/{id}/ballots",
    "POST /api/v1/decisions/{id}/close",
    "POST /api/v1/decisions/{id}/cancel",
    "POST /api/v1/threads/{kind}/{id}/comments",
    "PATCH /api/v1/comments/{id}",
    "DELETE /api/v1/comments/{id}",
    "POST /api/v1/comments/{id}/hide",
    "POST /api/v1/comments/{id}/redact",
    "POST /api/v1/spaces/{slug}/proposals",
    "POST /api/v1/proposals/{id}/release",
    "POST /api/v1/releases/{id}/transitions",
    "DELETE /api/v1/spaces/{slug}/invitations/{id}",
    "PATCH /api/v1/users/{id}",
    "POST /api/v1/spaces/{slug}/webhooks",
    "PATCH /api/v1/spaces/{slug}/webhooks/{webhookId}",
    "POST /api/v1/spaces/{slug}/webhooks/{webhookId}/rotate-secret",
    "POST /api/v1/spaces/{slug}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
    "DELETE /api/v1/spaces/{slug}/webhooks/{webhookId}",
    "DELETE /api/v1/spaces/{slug}/members/{userId}",
    "POST /api/v1/notifications/read",
    "PUT /api/v1/notifications/preferences",
    "PUT /api/v1/spaces/{slug}/watch",
  ];

  it("covers every write endpoint", () => {
    expect([...order].sort()).toEqual(writeEndpoints.map(keyOf).sort());
  });

  it.each(order)("%s: a bearer-token request, even from a foreign Origin, succeeds and is recorded", async (key) => {
    const c = cases[key]!;
    const before = await recordCounts();
    const headers = { authorization: bearer, origin: "https://ci.example", ...(c.body ? { "content-type": "application/json; charset=utf-8" } : {}) };
    const { status, json: answer } = await send(key, { body: c.body ? JSON.stringify(c.body) : null, headers });
    expect(answer?.error).toBeUndefined();
    expect([200, 201]).toContain(status);
    if (personalWrites.has(key)) expect(await recordCounts()).toEqual(before);
    else expect((await recordCounts()).all).toBeGreaterThan(before.all);
  });

  it.each([
    ["Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin" }],
    ["Origin equal to the app's", { origin }],
    ["Origin equal to the Host", { origin: "https://gov.example.org", host: "gov.example.org" }],
  ])("a cookie-authenticated write with %s passes", async (_name, extra) => {
    const key = "POST /api/v1/spaces";
    const before = await recordCounts();
    session.actor = owner;
    const body = { ...cases[key]!.body, slug: `c-${randomBytes(4).toString("hex")}` };
    const { status, json: answer } = await send(key, { body: JSON.stringify(body), headers: { ...json, cookie: sessionCookie, ...extra } });
    session.actor = null;
    expect({ status, error: answer?.error }).toEqual({ status: 201, error: undefined });
    expect((await recordCounts()).all).toBe(before.all + 1);
  });

  it("a write with neither token nor cookie is not a cross-site matter: it answers 401", async () => {
    const key = "POST /api/v1/spaces";
    const { status, json: answer } = await send(key, { body: JSON.stringify(cases[key]!.body), headers: { ...json, origin: "https://evil.example" } });
    expect(status).toBe(401);
    expect(answer?.error?.code).not.toBe("CROSS_SITE_REQUEST");
  });
});
