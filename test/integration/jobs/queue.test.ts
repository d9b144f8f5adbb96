// The job queue against a real Postgres: jobs commit with their transaction, run once, and keep their keys.
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { runDueJobs } from "@/lib/worker/runner";
import { jobHandlers } from "@/lib/worker/tasks";

const url = () => process.env.DATABASE_URL!;

async function pendingPings(): Promise<string[]> {
  const rows = await db.$queryRaw<{ payload: { note: string } }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'queue.ping' ORDER BY j.id`;
  return rows.map((row) => row.payload.note);
}

function recordingHandlers(seen: string[]) {
  return { ...jobHandlers, "queue.ping": async ({ note }: { note: string }) => void seen.push(note) };
}

afterEach(async () => {
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

describe("the job queue", () => {
  it("keeps no job from a transaction that rolled back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, "queue.ping", { note: "rolled back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await pendingPings()).toEqual([]);
  });

  it("runs a committed job once, with its payload", async () => {
    await db.$transaction((tx) => enqueueJob(tx, "queue.ping", { note: "committed" }));
    expect(await pendingPings()).toEqual(["committed"]);
    const seen: string[] = [];
    await runDueJobs(url(), recordingHandlers(seen));
    await runDueJobs(url(), recordingHandlers(seen));
    expect(seen).toEqual(["committed"]);
    expect(await pendingPings()).toEqual([]);
  });

  it("replaces a pending job that has the same key", async () => {
    await db.$transaction((tx) => enqueueJob(tx, "queue.ping", { note: "first" }, { jobKey: "ping:1" }));
    await db.$transaction((tx) => enqueueJob(tx, "queue.ping", { note: "second" }, { jobKey: "ping:1" }));
    expect(await pendingPings()).toEqual(["second"]);
  });

  it("leaves a job scheduled for later until its time", async () => {
    const later = new Date(Date.now() + 60 * 60_000);
    await db.$transaction((tx) => enqueueJob(tx, "queue.ping", { note: "later" }, { runAt: later }));
    const seen: string[] = [];
    await runDueJobs(url(), recordingHandlers(seen));
    expect(seen).toEqual([]);
    expect(await pendingPings()).toEqual(["later"]);
  });

  it("refuses a payload that does not match the catalog, enqueueing nothing", async () => {
    await expect(
      db.$transaction((tx) => enqueueJob(tx, "queue.ping", { note: "x".repeat(201) })),
    ).rejects.toThrow();
    expect(await pendingPings()).toEqual([]);
  });
});
