// Rate limits through the real API route handlers and the shared Postgres counters, with low limits.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createToken } from "@/lib/tokens/mutations";
import { createSpace, createUser, eventsFor, unique } from "@/test/support/factories";

// Auth.js cannot load outside Next (next-auth imports "next/server" without an extension). These requests
// carry a bearer token or come anonymously, so the session lookup would answer null: it does so here.
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null }));

// Read once, on the limiter's first use; set before anything asks.
process.env.CW_RATE_LIMIT_WRITES_PER_MINUTE = "3";
process.env.CW_RATE_LIMIT_READS_PER_MINUTE = "2";
process.env.CW_RATE_LIMIT_SIGNIN_PER_MINUTE = "2";
process.env.AUTH_TRUST_HOST = "1";

type Route = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let createSpaceRoute: Route;
let eventsRoute: Route;
let demoLoginRoute: (req: Request) => Promise<Response>;

beforeAll(async () => {
  createSpaceRoute = (await import("@/app/api/v1/spaces/route")).POST as Route;
  eventsRoute = (await import("@/app/api/v1/spaces/[slug]/events/route")).GET as Route;
  demoLoginRoute = (await import("@/app/api/demo-login/route")).POST;
});

async function tokenFor() {
  const user = await createUser();
  const { token } = await createToken({ userId: user.id, name: "ci" });
  return { user, token };
}

function postSpace(token: string, slug: string) {
  const req = new Request("http://localhost/api/v1/spaces", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ slug, name: `Space ${slug}`, visibility: "public" }),
  });
  return createSpaceRoute(req, { params: Promise.resolve({}) });
}

function getEvents(slug: string, forwardedFor: string) {
  const req = new Request(`http://localhost/api/v1/spaces/${slug}/events`, { headers: { "x-forwarded-for": forwardedFor } });
  return eventsRoute(req, { params: Promise.resolve({ slug }) });
}

describe("API rate limits", () => {
  it("refuses the write after the limit with 429, Retry-After and RateLimit headers, and changes nothing", async () => {
    const { user, token } = await tokenFor();
    const slugs = Array.from({ length: 4 }, () => unique("rl"));
    for (const slug of slugs.slice(0, 3)) expect((await postSpace(token, slug)).status).toBe(201);

    const before = await eventsFor({ actorId: user.id });
    const refused = await postSpace(token, slugs[3]!);
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toMatch(/^Too many requests: try again in \d+ seconds?\.$/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.error.message).toContain(`in ${retryAfter} second`);
    expect(refused.headers.get("ratelimit-policy")).toBe('"writes";q=3;w=60');
    expect(refused.headers.get("ratelimit")).toBe(`"writes";r=0;t=${retryAfter}`);

    expect(await db.space.findUnique({ where: { slug: slugs[3]! } })).toBeNull();
    expect(await db.space.count({ where: { slug: { in: slugs.slice(0, 3) } } })).toBe(3);
    expect((await eventsFor({ actorId: user.id })).map((e) => e.id)).toEqual(before.map((e) => e.id));
  });

  it("counts each token on its own: another token, even of the same person, is unaffected", async () => {
    const first = await tokenFor();
    for (let i = 0; i < 3; i += 1) expect((await postSpace(first.token, unique("rl"))).status).toBe(201);
    expect((await postSpace(first.token, unique("rl"))).status).toBe(429);

    const other = await tokenFor();
    expect((await postSpace(other.token, unique("rl"))).status).toBe(201);
    const second = await createToken({ userId: first.user.id, name: "laptop" });
    expect((await postSpace(second.token, unique("rl"))).status).toBe(201);
  });

  it("limits expensive reads per client address behind a trusted proxy, whatever the client claims", async () => {
    const space = await createSpace();
    expect((await getEvents(space.slug, "10.9.9.9, 198.51.100.1")).status).toBe(200);
    expect((await getEvents(space.slug, "10.8.8.8, 198.51.100.1")).status).toBe(200);
    const refused = await getEvents(space.slug, "10.7.7.7, 198.51.100.1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("ratelimit-policy")).toBe('"reads";q=2;w=60');
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);

    expect((await getEvents(space.slug, "198.51.100.2")).status).toBe(200);
  });

  it("limits sign-in attempts per client address, refused ones included, before anything else is looked at", async () => {
    const attempt = (forwardedFor: string) =>
      demoLoginRoute(
        new Request("http://localhost/api/demo-login", {
          method: "POST",
          headers: { "x-forwarded-for": forwardedFor, "content-type": "application/x-www-form-urlencoded" },
          body: "userId=nobody",
        }),
      );
    // Demo sign-in is off in this environment: the first attempts are refused for that reason.
    for (let i = 0; i < 2; i += 1) expect((await attempt("203.0.113.50")).status).toBe(403);
    const refused = await attempt("203.0.113.50");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    expect(refused.headers.get("ratelimit-policy")).toBe('"signin";q=2;w=60');
    expect((await attempt("203.0.113.51")).status).toBe(403);
  });

  it("limits Auth.js callbacks per address, sending the browser back to the sign-in page with the reason", async () => {
    const { withSignInLimit } = await import("@/lib/rate-limit/guards");
    let reached = 0;
    const handler = withSignInLimit(async () => {
      reached += 1;
      return new Response("signed in");
    });
    const visit = (path: string, forwardedFor: string) => handler(new Request(`http://localhost${path}`, { headers: { "x-forwarded-for": forwardedFor } }));

    for (let i = 0; i < 2; i += 1) expect((await visit("/api/auth/callback/oidc?code=x", "203.0.113.60")).status).toBe(200);
    const refused = await visit("/api/auth/callback/oidc?code=x", "203.0.113.60");
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/signin?error=RateLimited");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.headers.get("ratelimit-policy")).toBe('"signin";q=2;w=60');
    expect(reached).toBe(2);

    // Auth.js's other endpoints (session, CSRF, sign-out) are not sign-ins, and other addresses go on.
    for (let i = 0; i < 3; i += 1) expect((await visit("/api/auth/session", "203.0.113.60")).status).toBe(200);
    expect((await visit("/api/auth/callback/oidc?code=y", "203.0.113.61")).status).toBe(200);
    expect(reached).toBe(6);
  });
});
