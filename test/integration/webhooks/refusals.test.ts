// What webhooks refuse, through the API (a real bearer token) as the steward, a member and a stranger: roles,
// another space's ids, private targets, NUL and over-long addresses. Every refusal changes nothing.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/mutations";
import { community } from "@/test/integration/decisions/support";
import { eventsFor } from "@/test/support/factories";

// Auth.js needs a request scope Vitest has not; the API requests carry real bearer tokens instead.
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null, requireActor: async () => null }));

const collection = await import("@/app/api/v1/spaces/[slug]/webhooks/route");
const single = await import("@/app/api/v1/spaces/[slug]/webhooks/[webhookId]/route");
const deliveries = await import("@/app/api/v1/spaces/[slug]/webhooks/[webhookId]/deliveries/route");
const rotate = await import("@/app/api/v1/spaces/[slug]/webhooks/[webhookId]/rotate-secret/route");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Answer = { status: number; body: { error?: { code: string; message: string; fields?: Record<string, string[]> } } & Record<string, unknown> };

let steward = "";
let member = "";
let stranger = "";
let slug = "";
let spaceId = "";
let otherSlug = "";
let otherWebhookId = "";

async function call(handler: unknown, bearer: string, method: string, params: Record<string, string>, body?: unknown): Promise<Answer> {
  const req = new Request("http://localhost:3000/api/v1/x", {
    method,
    headers: { authorization: bearer, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await (handler as Handler)(req, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

const tokenFor = async (userId: string) => `Bearer ${(await createToken({ userId, name: "webhooks" })).token}`;
const endpointCount = () => db.webhookEndpoint.count({ where: { spaceId } });
const webhookEvents = async () => (await eventsFor({ spaceId })).filter((e) => e.type.startsWith("webhook.")).length;

beforeAll(async () => {
  const { space, people } = await community({ roles: ["steward", "member"] });
  [slug, spaceId] = [space.slug, space.id];
  steward = await tokenFor(people[0]!.id);
  member = await tokenFor(people[1]!.id);
  const other = await community({ roles: ["owner"] });
  stranger = await tokenFor(other.people[0]!.id);
  otherSlug = other.space.slug;
  process.env.CW_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
  const created = await call(collection.POST, stranger, "POST", { slug: otherSlug }, { url: "http://127.0.0.1:9/hook" });
  otherWebhookId = String(created.body.id);
});
beforeEach(() => {
  process.env.CW_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
});

describe("webhook refusals", () => {
  it("lets a steward register one and answers with the secret once; reading it back never shows the secret", async () => {
    const created = await call(collection.POST, steward, "POST", { slug }, { url: "http://127.0.0.1:9/ci", eventTypes: ["release.approved"], description: "CI" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: "http://127.0.0.1:9/ci", eventTypes: ["release.approved"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    const read = await call(single.GET, steward, "GET", { slug, webhookId: String(created.body.id) });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty("secret");
    const list = await call(collection.GET, steward, "GET", { slug });
    expect(JSON.stringify(list.body)).not.toContain(String(created.body.secret));
  });

  it("refuses a member (403) for every webhook action, reads included", async () => {
    const before = [await endpointCount(), await webhookEvents()];
    const create = await call(collection.POST, member, "POST", { slug }, { url: "http://127.0.0.1:9/x" });
    expect(create).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN", message: "Only owners or stewards may manage the space's webhooks; you are a member." } } });
    expect((await call(collection.GET, member, "GET", { slug })).status).toBe(403);
    expect([await endpointCount(), await webhookEvents()]).toEqual(before);
  });

  it("answers another space's webhook id exactly like a missing one (404)", async () => {
    const missing = await call(single.GET, steward, "GET", { slug, webhookId: "no-such-webhook" });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: "No such webhook in this space." } } });
    for (const [handler, method, body] of [
      [single.GET, "GET", undefined],
      [single.PATCH, "PATCH", { enabled: false }],
      [single.DELETE, "DELETE", undefined],
      [deliveries.GET, "GET", undefined],
      [rotate.POST, "POST", undefined],
    ] as const) {
      const answer = await call(handler, steward, method, { slug, webhookId: otherWebhookId }, body);
      expect(answer.status, method).toBe(404);
      expect(answer.body.error).toEqual(missing.body.error);
    }
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: otherWebhookId } })).toMatchObject({ enabled: true });
  });

  it.each([
    ["https://10.0.0.1/hook", "Webhooks go only to public addresses: 10.0.0.1 is a private network address. An operator can allow it with CW_WEBHOOK_ALLOW_HOSTS."],
    ["https://169.254.169.254/latest", "Webhooks go only to public addresses: 169.254.169.254 is a link-local address. An operator can allow it with CW_WEBHOOK_ALLOW_HOSTS."],
    ["https://[::ffff:127.0.0.2]/x", "Webhooks go only to public addresses: ::ffff:7f00:2 is a loopback address. An operator can allow it with CW_WEBHOOK_ALLOW_HOSTS."],
    ["https://127.0.0.2:9/x", "Webhooks go only to public addresses: 127.0.0.2 is a loopback address. An operator can allow it with CW_WEBHOOK_ALLOW_HOSTS."],
    ["http://ci.example.org/hook", "Webhook addresses must start with https:// (plain http only for hosts in CW_WEBHOOK_ALLOW_HOSTS)."],
  ])("refuses the target %s with a clear message (422) and saves nothing", async (url, message) => {
    const before = [await endpointCount(), await webhookEvents()];
    const answer = await call(collection.POST, steward, "POST", { slug }, { url });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: "WEBHOOK_TARGET_REFUSED", fields: { url: [expect.stringMatching(/^(Webhooks go only|Webhook addresses)/)] } });
    expect(answer.body.error!.message).toBe(message);
    expect([await endpointCount(), await webhookEvents()]).toEqual(before);
  });

  it("refuses a private target when changing the address too", async () => {
    const created = await call(collection.POST, steward, "POST", { slug }, { url: "http://127.0.0.1:9/y" });
    const answer = await call(single.PATCH, steward, "PATCH", { slug, webhookId: String(created.body.id) }, { url: "https://192.168.1.20/y" });
    expect(answer).toMatchObject({ status: 422, body: { error: { code: "WEBHOOK_TARGET_REFUSED" } } });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: String(created.body.id) } })).url).toBe("http://127.0.0.1:9/y");
  });

  it("refuses NUL, over-long and credential-carrying addresses, unknown fields and types outside the catalog (400)", async () => {
    const before = [await endpointCount(), await webhookEvents()];
    const cases: Array<[unknown, string, string]> = [
      [{ url: "https://ci.example.org/\u0000x" }, "url", "Text cannot contain the NUL character (U+0000)."],
      [{ url: `https://ci.example.org/${"a".repeat(2001)}` }, "url", "Keep the address to 2,000 characters or fewer."],
      [{ url: "https://user:pw@ci.example.org/x" }, "url", "Leave the user name and password out of the address; the signature authenticates each delivery."],
      [{ url: "javascript:alert(1)" }, "url", "Enter a full web address, starting with https://."],
      [{ url: "https://ci.example.org/x", eventTypes: ["nope.never"] }, "eventTypes.0", "Choose event types from the catalog."],
    ];
    for (const [body, field, message] of cases) {
      const answer = await call(collection.POST, steward, "POST", { slug }, body);
      expect(answer.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(answer.body.error!.fields?.[field]).toEqual([message]);
    }
    const unknown = await call(collection.POST, steward, "POST", { slug }, { url: "https://ci.example.org/x", secret: "whsec_mine" });
    expect(unknown.status).toBe(400);
    expect([await endpointCount(), await webhookEvents()]).toEqual(before);
  });

  it("rotates the secret: a new one, recorded without it", async () => {
    const created = await call(collection.POST, steward, "POST", { slug }, { url: "http://127.0.0.1:9/z" });
    const rotated = await call(rotate.POST, steward, "POST", { slug, webhookId: String(created.body.id) });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    const [event] = (await eventsFor({ spaceId, type: "webhook.secret_rotated" })).slice(-1);
    expect(event!.data).toEqual({});
  });
});
