// The limiter's counters live in Postgres: app instances share them, and server actions count too.
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createRateLimiters, RATE_LIMIT_TABLE } from "@/lib/rate-limit/limiter";
import type { RateLimitSettings } from "@/lib/rate-limit/rules";
import { createSpaceInput } from "@/lib/spaces/schema";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { createUser, eventsFor, unique } from "@/test/support/factories";
import type { Actor } from "@/lib/auth/session";

// Auth.js cannot load outside Next; the server action's session lookup answers the person set here.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor }));

process.env.CW_RATE_LIMIT_WRITES_PER_MINUTE = "3";
process.env.CW_RATE_LIMIT_READS_PER_MINUTE = "2";

const settings: RateLimitSettings = { enabled: true, perWindow: { writes: 3, reads: 2, signin: 2 } };
const pools: pg.Pool[] = [];
function appInstance() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  pools.push(pool);
  return createRateLimiters({ pool: () => pool, settings });
}
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
});

async function storedPoints(key: string): Promise<number | null> {
  const rows = await db.$queryRawUnsafe<Array<{ points: number }>>(`SELECT points FROM ${RATE_LIMIT_TABLE} WHERE key = $1`, key);
  return rows[0]?.points ?? null;
}

describe("limiters of two app instances", () => {
  it("share one count per key, and a different key is unaffected", async () => {
    const a = appInstance();
    const b = appInstance();
    const key = `token:${unique("t")}`;
    expect((await a.consume("writes", key)).allowed).toBe(true);
    expect((await b.consume("writes", key)).allowed).toBe(true);
    const third = await a.consume("writes", key);
    expect(third).toMatchObject({ allowed: true, remaining: 0, limit: 3 });

    const refused = await b.consume("writes", key);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, bucket: "writes" });
    expect(refused.resetMs).toBeGreaterThan(0);
    expect(refused.resetMs).toBeLessThanOrEqual(60_000);
    expect(await storedPoints(`writes:${key}`)).toBe(4);

    // Instance a used the last request itself, so it now refuses from memory, without a query.
    expect((await a.consume("writes", key)).allowed).toBe(false);
    expect(await storedPoints(`writes:${key}`)).toBe(4);

    const other = `token:${unique("t")}`;
    expect(await b.consume("writes", other)).toMatchObject({ allowed: true, remaining: 2 });
    // Budgets are separate: the same key's reads are not its writes.
    expect(await b.consume("reads", key)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("let everything through when switched off, and write no counter", async () => {
    appInstance();
    const off = createRateLimiters({ pool: () => pools.at(-1)!, settings: { ...settings, enabled: false } });
    const key = `user:${unique("u")}`;
    for (let i = 0; i < 5; i += 1) expect((await off.consume("writes", key)).allowed).toBe(true);
    expect(await storedPoints(`writes:${key}`)).toBeNull();
  });
});

describe("server actions", () => {
  it("refuse the write after the limit with RATE_LIMITED and change nothing", async () => {
    const { defineAction } = await import("@/lib/action");
    const createSpaceAction = defineAction(createSpaceInput, (input, actor) => createSpace(actor, input));
    const user = await createUser();
    session.actor = { id: user.id, name: user.name, email: user.email };
    const slugs = Array.from({ length: 4 }, () => unique("rl"));
    for (const slug of slugs.slice(0, 3)) {
      const created = await createSpaceAction({ slug, name: `Space ${slug}`, visibility: "public" });
      expect(created, JSON.stringify(created)).toMatchObject({ ok: true });
    }
    const before = await eventsFor({ actorId: user.id });

    const refused = await createSpaceAction({ slug: slugs[3], name: "One too many", visibility: "public" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatchObject({ code: "RATE_LIMITED", kind: "rate_limited" });
      expect(refused.error.message).toMatch(/^Too many requests: try again in \d+ seconds?\.$/);
    }
    expect(await db.space.findUnique({ where: { slug: slugs[3]! } })).toBeNull();
    expect((await eventsFor({ actorId: user.id })).map((e) => e.id)).toEqual(before.map((e) => e.id));

    // Another person is unaffected.
    const other = await createUser();
    session.actor = { id: other.id, name: other.name, email: other.email };
    expect(await createSpaceAction({ slug: unique("rl"), name: "Someone else's", visibility: "public" })).toMatchObject({ ok: true });
  });
});

describe("the history page's full-text search", () => {
  it("is refused with a sentence after the read limit, per person", async () => {
    const { limitHistorySearch } = await import("@/lib/rate-limit/guards");
    const [ada, bob] = [await createUser(), await createUser()];
    const actor = (user: typeof ada): Actor => ({ id: user.id, name: user.name, email: user.email });
    expect(await limitHistorySearch(actor(ada))).toBeNull();
    expect(await limitHistorySearch(actor(ada))).toBeNull();
    expect(await limitHistorySearch(actor(ada))).toMatch(/^Too many requests: try again in \d+ seconds?\.$/);
    expect(await limitHistorySearch(actor(bob))).toBeNull();
  });
});
