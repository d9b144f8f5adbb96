// Round trip: the demo space exported here and imported on a second database answers the API exactly as it does here;
// imported as a fork, it goes on governing with its own log starting from the imported root.
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { seedDemo } from "@/prisma/seed-demo";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/scratch-database";
import { migrateDeploy } from "@/scripts/migrate";
import { archiveText } from "@/test/integration/archive/archive-support";
import { apiGet, onDatabase, spaceAnswers } from "@/test/integration/archive/second-instance";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));

let dir: string;
let file: string;
let text: string;
let here: Record<string, unknown>;
const scratch: ScratchDatabase[] = [];

async function secondDatabase(): Promise<string> {
  const db = await createScratchDatabase("cw_archive");
  scratch.push(db);
  migrateDeploy(db.url);
  return db.url;
}

const fromFile = () => createReadStream(file, { highWaterMark: 1 << 16 });

beforeAll(async () => {
  await seedDemo();
  text = await archiveText("lumen");
  dir = await mkdtemp(path.join(os.tmpdir(), "cw-archive-"));
  file = path.join(dir, "lumen.cwarchive");
  await writeFile(file, text);
  here = await spaceAnswers("lumen");
}, 120_000);

afterAll(async () => {
  for (const db of scratch) await db.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("an archive imported on another instance", () => {
  it("as a mirror answers releases, audits, decisions and history exactly as the origin does, and refuses every write", async () => {
    expect(Object.keys(here).length).toBeGreaterThan(20);
    const url = await secondDatabase();
    await onDatabase(url, async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const imported = await importArchive(fromFile, { mode: "mirror" });
      if (!imported.ok) throw new Error(imported.error.message);
      expect(imported.data.summary).toMatch(/^Imported https:\/\/origin\.example\/s\/lumen as a mirror at \/s\/lumen, verified to checkpoint \d+ \(root [0-9a-f]{16}…\)\.$/);
      const there = await spaceAnswers("lumen");
      expect(Object.keys(there)).toEqual(Object.keys(here));
      for (const key of Object.keys(here)) expect([key, there[key]]).toEqual([key, here[key]]);
    });
  });
});
