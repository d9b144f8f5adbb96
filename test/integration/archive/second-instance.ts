// A second app instance in this process: its own database and fresh lib modules (their caches: the signing key, the
// log heads), reached through the real API route handlers. Only one instance runs at a time.
import path from "node:path";
import { afterAll, vi } from "vitest";
import type { SeedContext } from "@/prisma/seed-community";
import { migrateDeploy } from "@/scripts/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/scratch-database";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * A maker of migrated scratch databases (their URLs) for one test file, named after `prefix`: call it at the file's top
 * level; every database it made is dropped after the file's tests.
 */
export function scratchDatabases(prefix: string): () => Promise<string> {
  const made: ScratchDatabase[] = [];
  afterAll(async () => {
    for (const db of made) await db.drop();
  });
  return async () => {
    const db = await createScratchDatabase(prefix);
    made.push(db);
    migrateDeploy(db.url);
    return db.url;
  };
}

/** An archive's text as importArchive reads it: an async iterable, here of one buffer. */
export async function* oneBuffer(text: string) {
  yield Buffer.from(text);
}

/** Runs `fn` against the database at `url`, with every lib module loaded anew for it. */
export async function onDatabase<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const state = globalThis as { commonweightsDb?: unknown };
  const saved = { handle: state.commonweightsDb, url: process.env.DATABASE_URL };
  state.commonweightsDb = undefined;
  process.env.DATABASE_URL = url;
  vi.resetModules();
  try {
    return await fn();
  } finally {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    state.commonweightsDb = saved.handle;
    process.env.DATABASE_URL = saved.url;
    vi.resetModules();
  }
}

/** GET through the route handler of an API path such as /api/v1/spaces/lumen/releases (params from the [segments]). */
export async function apiGet(route: string, params: Record<string, string>, query = ""): Promise<{ status: number; body: unknown }> {
  const file = path.resolve("app", `.${route.replace(/^\/api/, "/api")}`, "route.ts");
  const mod = (await import(file)) as Record<string, Handler>;
  let url = `http://localhost:3000${route}`;
  for (const [key, value] of Object.entries(params)) url = url.replace(`[${key}]`, value);
  const response = await mod.GET!(new Request(`${url}${query}`), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: response.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : text };
}

/** POST a JSON body through the route handler (as the session the test's mock of lib/auth/session holds). */
export async function apiPost(route: string, params: Record<string, string>, body: unknown): Promise<{ status: number; body: unknown }> {
  const file = path.resolve("app", `.${route}`, "route.ts");
  const mod = (await import(file)) as Record<string, Handler>;
  let url = `http://localhost:3000${route}`;
  for (const [key, value] of Object.entries(params)) url = url.replace(`[${key}]`, value);
  const request = new Request(url, { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost:3000" }, body: JSON.stringify(body) });
  const response = await mod.POST!(request, { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json() };
}

/** What the API says about a space's releases, audits, decisions, discussions and history: the answers a round trip must keep. */
export async function spaceAnswers(slug: string) {
  const answers: Record<string, unknown> = {};
  const get = async (route: string, params: Record<string, string>, query = "") => {
    const answer = await apiGet(route, params, query);
    answers[`${route} ${JSON.stringify(params)}${query}`] = answer;
    return answer.body as Record<string, unknown>;
  };
  const releases = (await get("/api/v1/spaces/[slug]/releases", { slug })) as { releases?: Array<{ id: string }> };
  const auditIds: string[] = [];
  for (const { id } of releases.releases ?? []) {
    await get("/api/v1/releases/[id]", { id });
    await get("/api/v1/releases/[id]/manifest", { id });
    const audits = (await get("/api/v1/releases/[id]/audits", { id })) as { reports?: Array<{ id: string }> };
    for (const report of audits.reports ?? []) {
      await get("/api/v1/audits/[id]", { id: report.id });
      auditIds.push(report.id);
    }
  }
  const decisions = (await get("/api/v1/spaces/[slug]/decisions", { slug })) as { decisions?: Array<{ id: string }> };
  for (const { id } of decisions.decisions ?? []) await get("/api/v1/decisions/[id]", { id });
  // The discussions: every thread (of each release, audit, decision, proposal and concern), proposals and concerns.
  const thread = (kind: string, id: string) => get("/api/v1/threads/[kind]/[id]/comments", { kind, id });
  const proposals = (await get("/api/v1/spaces/[slug]/proposals", { slug })) as { proposals?: Array<{ id: string }> };
  for (const { id } of proposals.proposals ?? []) {
    await get("/api/v1/proposals/[id]", { id });
    await thread("proposal", id);
  }
  const concerned = [
    ...(releases.releases ?? []).map(({ id }) => ["release", id, "/api/v1/releases/[id]/concerns"] as const),
    ...(decisions.decisions ?? []).map(({ id }) => ["decision", id, "/api/v1/decisions/[id]/concerns"] as const),
  ];
  for (const [kind, id, concernsOf] of concerned) {
    await thread(kind, id);
    const concerns = (await get(concernsOf, { id })) as { concerns?: Array<{ id: string }> };
    for (const concern of concerns.concerns ?? []) await thread("concern", concern.id);
  }
  for (const id of auditIds) await thread("audit", id);
  await get("/api/v1/spaces/[slug]/events", { slug }, "?limit=1000");
  await get("/api/v1/spaces/[slug]/events.ndjson", { slug });
  await get("/api/v1/spaces/[slug]/charter", { slug });
  await get("/api/v1/spaces/[slug]/members", { slug });
  return answers;
}

/**
 * The demo seed on a database of its own (the run's shared database has test/integration/seed's demo already), and its
 * archive; `answers` are the API's answers there, when asked for. `prepare` acts on the seeded space before the export.
 */
export async function demoOrigin<T, P = undefined>(
  url: string,
  also: () => Promise<T>,
  prepare?: (ctx: SeedContext) => Promise<P>,
): Promise<{ text: string; spaceId: string; also: T; prepared: P | undefined }> {
  return onDatabase(url, async () => {
    const { seedDemo } = await import("@/prisma/seed-demo");
    const { archiveText } = await import("@/test/integration/archive/archive-support");
    const { ctx } = await seedDemo();
    const prepared = await prepare?.(ctx);
    return { text: await archiveText("lumen"), spaceId: ctx.spaceId, also: await also(), prepared };
  });
}
