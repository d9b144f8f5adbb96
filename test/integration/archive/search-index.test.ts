// An import leaves its events' full-text search rows to the search.index job (lib/record/mutations/search.ts): the
// history search cannot find them until the job has run, says so, and then finds them; events written afterwards, and
// the import's own fork event, are searchable at once, as everywhere else (the trigger on governance_events).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { oneBuffer, onDatabase, scratchDatabases } from "@/test/integration/archive/second-instance";

vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null, requireActor: async () => null }));

const database = scratchDatabases("cw_search");
const word = "zanzibarite";
let text: string;
let spaceId: string;

beforeAll(async () => {
  ({ text, spaceId } = await onDatabase(await database(), async () => {
    const { db } = await import("@/lib/db");
    const { createSpace } = await import("@/lib/spaces/use-cases/create-space");
    const { openDecision } = await import("@/lib/decisions/use-cases/open-decision");
    const { openDecisionInput } = await import("@/lib/decisions/schema");
    const { listHistory } = await import("@/lib/record/data");
    const { sequenceLog } = await import("@/lib/record/sequencer");
    const { unique } = await import("@/test/support/factories");
    const { archiveText } = await import("@/test/integration/archive/archive-support");
    const owner = await db.user.create({ data: { name: "Ife", email: `${unique("ife")}@example.test` } });
    const actor = { id: owner.id, name: owner.name, email: owner.email };
    const slug = unique("searched");
    const created = await createSpace(actor, { slug, name: "Searched", description: "", visibility: "public", homepageUrl: null, sourceUrl: null, hfOrg: null });
    if (!created.ok) throw new Error(created.error.message);
    const opened = await openDecision(actor, openDecisionInput.parse({ spaceSlug: slug, title: `Adopt the ${word} tokenizer`, kind: "policy", hours: 72 }));
    if (!opened.ok) throw new Error(opened.error.message);
    const space = await db.space.findUniqueOrThrow({ where: { slug } });
    // At the origin the event is searchable as soon as it is written.
    expect((await listHistory(space.id, { q: word })).events.map((e) => e.type)).toEqual(["decision.opened"]);
    await sequenceLog(space.id, { wait: true });
    return { text: await archiveText(slug), spaceId: space.id };
  }));
}, 120_000);

describe("search after an import", () => {
  it("finds the imported events once the search.index job has run, and says until then that it may miss them", async () => {
    const url = await database();
    await onDatabase(url, async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const { listHistory, searchBacklogSize } = await import("@/lib/record/data");
      const { db } = await import("@/lib/db");
      const imported = await importArchive(() => oneBuffer(text), { mode: "fork", slug: "searched-fork" });
      if (!imported.ok) throw new Error(imported.error.message);
      const events = await db.governanceEvent.count({ where: { spaceId } });

      // Nothing imported is searchable yet; the fork's own event, written after the import's events, is.
      expect((await listHistory(spaceId, { q: word })).events).toEqual([]);
      expect((await listHistory(spaceId, { q: "forked" })).events.map((e) => e.type)).toEqual(["space.forked"]);
      // Each imported event is in the backlog: all of the space's but the fork's own.
      expect(await searchBacklogSize(spaceId)).toBe(events - 1);
      const jobs = await db.$queryRaw<Array<{ task: string; key: string }>>`
        SELECT t.identifier AS task, j.key FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id`;
      expect(jobs).toContainEqual({ task: "search.index", key: `search-index:${spaceId}` });

      // The job, as the app's worker runs it.
      const { runDueJobs } = await import("@/lib/worker/runner");
      await runDueJobs(url);
      expect((await listHistory(spaceId, { q: word })).events.map((e) => e.type)).toEqual(["decision.opened"]);
      expect(await searchBacklogSize(spaceId)).toBe(0);
      // Every event has exactly one search row: the fork's event was not written twice.
      expect(await db.$queryRaw`SELECT count(*)::int AS n FROM event_search WHERE space_id = ${spaceId}`).toEqual([{ n: events }]);

      // Running it again finds nothing left to do.
      const { indexSearchBacklog } = await import("@/lib/record/mutations/search");
      expect(await indexSearchBacklog(spaceId)).toBe(0);
    });
  });

  it("a refused import leaves no backlog and no job", async () => {
    await onDatabase(await database(), async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const { db } = await import("@/lib/db");
      const damaged = text.replace(`Adopt the ${word} tokenizer`, `Adopt the other tokenizer`);
      const refused = await importArchive(() => oneBuffer(damaged), { mode: "mirror" });
      expect(refused.ok).toBe(false);
      expect(await db.searchBacklog.count()).toBe(0);
      expect(await db.$queryRaw`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`).toEqual([{ n: 0 }]);
    });
  });
});
