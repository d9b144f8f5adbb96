// A live mirror against a second app instance: the origin's API served over real HTTP by its own process on the test
// database, the mirror on a second database. It follows new events; when the origin's history is rewritten underneath
// it (a superuser with the append-only triggers off), it stops following, keeps the evidence and records why.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { openDecisionInput } from "@/lib/decisions/schema";
import { sequenceLog } from "@/lib/record/sequencer";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { oneBuffer, onDatabase, scratchDatabases } from "@/test/integration/archive/second-instance";
import { createUser, unique } from "@/test/support/factories";

let server: ChildProcess;
let origin: string;
const database = scratchDatabases("cw_mirror");
let mirrorUrl: string;
const slug = unique("followed");
let spaceId: string;
let owner: { id: string; name: string | null; email: string | null };

beforeAll(async () => {
  owner = { id: (await createUser()).id, name: "Owner", email: null };
  const created = await createSpace(owner, { slug, name: "Followed", description: "", visibility: "public", homepageUrl: null, sourceUrl: null, hfOrg: null });
  if (!created.ok) throw new Error(created.error.message);
  spaceId = (await db.space.findUniqueOrThrow({ where: { slug } })).id;
  await sequenceLog(spaceId, { wait: true });
  // On the Node that runs this test (not whichever is first on PATH), so each Node version gets the origin it serves.
  server = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "test/support/origin/api-server.ts"], {
    env: { ...process.env, CW_RATE_LIMIT_DISABLED: "1", CW_SEQUENCER_INTERVAL_MS: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(server.stdout!, "data")) as [Buffer];
  origin = `http://127.0.0.1:${/listening (\d+)/.exec(line.toString())![1]}`;
  mirrorUrl = await database();
}, 120_000);

afterAll(async () => {
  server?.kill();
});

const onMirror = <T>(fn: () => Promise<T>) => onDatabase(mirrorUrl, fn);
const follow = () => onMirror(async () => (await import("@/lib/archive/mirror/follow")).followMirror(spaceId));

describe("a live mirror", () => {
  it("imports over HTTP, follows new events, and stops with the evidence when the origin rewrites history", async () => {
    const response = await fetch(`${origin}/api/v1/spaces/${slug}/archive.cwarchive`);
    const archive = await response.text();
    expect(response.status, archive.slice(0, 500)).toBe(200);
    const imported = await onMirror(async () => (await import("@/lib/archive/import/import-archive")).importArchive(() => oneBuffer(archive), { mode: "mirror", follow: true }));
    if (!imported.ok) throw new Error(imported.error.message);
    const held = imported.data.checkpointSize;
    expect(await follow()).toEqual({ status: "up-to-date", detail: `Verified to checkpoint ${held}; nothing new.` });

    // New events at the origin: a decision and a ballot.
    const opened = await openDecision(owner, openDecisionInput.parse({ spaceSlug: slug, title: "Adopt the code of conduct", kind: "policy", hours: 72 }));
    if (!opened.ok) throw new Error(opened.error.message);
    const ballot = await castBallot(owner, { decisionId: opened.data.id, choice: "yes" });
    if (!ballot.ok) throw new Error(ballot.error.message);
    await sequenceLog(spaceId, { wait: true });
    expect(await follow()).toEqual({ status: "caught-up", detail: `Verified to checkpoint ${held + 2} (was ${held}).` });
    const onTheMirror = await onMirror(async () => {
      const { db: mirror } = await import("@/lib/db");
      return {
        ballots: await mirror.ballot.count({ where: { decisionId: opened.data.id } }),
        origin: await mirror.spaceOrigin.findUniqueOrThrow({ where: { spaceId } }),
        positions: await mirror.eventPosition.count({ where: { logId: spaceId } }),
      };
    });
    expect(onTheMirror).toMatchObject({ ballots: 1, positions: held + 2, origin: { checkpointSize: held + 2, following: true } });

    // The origin's operator rewrites the last two events (the decision and its ballot) and lets the log grow past them.
    const tables = ["governance_events", "event_positions", "checkpoints"];
    for (const t of tables) await db.$executeRawUnsafe(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    try {
      await db.$executeRaw`DELETE FROM checkpoints WHERE log_id = ${spaceId} AND size > ${held}`;
      await db.$executeRaw`DELETE FROM ballots WHERE decision_id = ${opened.data.id}`;
      const gone = await db.$queryRaw<Array<{ event_id: bigint }>>`DELETE FROM event_positions WHERE log_id = ${spaceId} AND seq >= ${held} RETURNING event_id`;
      await db.$executeRaw`DELETE FROM governance_events WHERE id = ANY(${gone.map((g) => g.event_id.toString())}::text[]::bigint[])`;
      await db.$executeRaw`DELETE FROM decisions WHERE id = ${opened.data.id}`;
    } finally {
      for (const t of tables) await db.$executeRawUnsafe(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    }
    for (const title of ["Adopt the other code of conduct", "Adopt a third code", "Adopt a fourth code"]) {
      const again = await openDecision(owner, openDecisionInput.parse({ spaceSlug: slug, title, kind: "policy", hours: 72 }));
      if (!again.ok) throw new Error(again.error.message);
    }
    await sequenceLog(spaceId, { wait: true });

    const stopped = await follow();
    expect(stopped.status).toBe("stopped");
    expect(stopped.detail).toBe(`History was rewritten at the origin: the origin's checkpoint of size ${held + 3} is not consistent with the one of size ${held + 2} this mirror holds (The consistency proof does not lead to the new root.).`);
    const after = await onMirror(async () => {
      const { db: mirror } = await import("@/lib/db");
      return {
        origin: await mirror.spaceOrigin.findUniqueOrThrow({ where: { spaceId } }),
        event: await mirror.governanceEvent.findFirst({ where: { type: "mirror.stopped" } }),
        ballots: await mirror.ballot.count({ where: { decisionId: opened.data.id } }),
      };
    });
    // It keeps what it had verified, and the evidence: both checkpoints and the origin's proof.
    expect(after.ballots).toBe(1);
    expect(after.origin).toMatchObject({ following: false, checkpointSize: held + 2, stopReason: stopped.detail });
    const evidence = after.origin.evidence as { held: { size: number; rootHash: string }; origin: { size: number; signature: string }; proof: { from: number; to: number; proof: string[] } };
    expect(evidence.held.size).toBe(held + 2);
    expect(evidence.origin.size).toBe(held + 3);
    expect(evidence.origin.signature).toMatch(/^[A-Za-z0-9+/=]{88}$/);
    expect(evidence.held.rootHash).toBe(after.origin.rootHash);
    expect(evidence.proof).toMatchObject({ from: held + 2, to: held + 3 });
    expect(evidence.proof.proof.length).toBeGreaterThan(0);
    expect(after.event).toMatchObject({ spaceId: null, subject: { spaceId }, data: { heldSize: held + 2, originSize: held + 3 } });
    // Stopped for good: the next pull does nothing.
    expect(await follow()).toEqual({ status: "stopped", detail: "This space is not a following mirror." });
  });
});
