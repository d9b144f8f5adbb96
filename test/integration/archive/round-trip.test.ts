// Round trip: the demo space exported here and imported on a second database answers the API exactly as it does here;
// imported as a fork, it goes on governing with its own log starting from the imported root.
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { apiGet, apiPost, demoOrigin, oneBuffer, onDatabase, scratchDatabases, spaceAnswers } from "@/test/integration/archive/second-instance";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));

let dir: string;
let file: string;
let text: string;
let here: Record<string, unknown>;
const secondDatabase = scratchDatabases("cw_archive");

const fromFile = () => createReadStream(file, { highWaterMark: 1 << 16 });
const owners = () =>
  text
    .split("\n")
    .filter((l) => l.includes('"role":"owner"') && l.includes('"joinedAt"'))
    .map((l) => (JSON.parse(l) as { userId: string }).userId);

beforeAll(async () => {
  ({ text, also: here } = await demoOrigin(await secondDatabase(), () => spaceAnswers("lumen")));
  dir = await mkdtemp(path.join(os.tmpdir(), "cw-archive-"));
  file = path.join(dir, "lumen.cwarchive");
  await writeFile(file, text);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("an archive imported on another instance", () => {
  it("as a mirror answers releases, audits, decisions and history exactly as the origin does, and refuses every write", async () => {
    expect(Object.keys(here).length).toBeGreaterThan(20);
    for (const [key, answer] of Object.entries(here)) expect([key, (answer as { status: number }).status]).toEqual([key, 200]);
    const url = await secondDatabase();
    await onDatabase(url, async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const imported = await importArchive(fromFile, { mode: "mirror" });
      if (!imported.ok) throw new Error(imported.error.message);
      expect(imported.data.summary).toMatch(/^Imported https:\/\/origin\.example\/s\/lumen as a mirror at \/s\/lumen, verified to checkpoint \d+ \(root [0-9a-f]{16}…\)\.$/);
      const there = await spaceAnswers("lumen");
      expect(Object.keys(there)).toEqual(Object.keys(here));
      for (const key of Object.keys(here)) expect([key, there[key]]).toEqual([key, here[key]]);

      // Every write is refused through the policy, with where the space is governed; nothing is recorded.
      const { db } = await import("@/lib/db");
      const { castBallot, } = await import("@/lib/decisions/use-cases/cast-ballot");
      const { openDecision } = await import("@/lib/decisions/use-cases/open-decision");
      const { openDecisionInput } = await import("@/lib/decisions/schema");
      const events = await db.governanceEvent.count();
      const owner = { id: owners()[0]!, name: null, email: null };
      const refusal = { code: "MIRROR_READ_ONLY", message: "This space is a read-only mirror of https://origin.example/s/lumen: changes are made there, not here." };
      const open = await db.decision.findFirstOrThrow({ where: { status: "open" } });
      await expect(castBallot(owner, { decisionId: open.id, choice: "+1" })).rejects.toMatchObject(refusal);
      await expect(openDecision(owner, openDecisionInput.parse({ spaceSlug: "lumen", title: "Adopt the code of conduct", kind: "policy", hours: 72 }))).rejects.toMatchObject(refusal);
      session.actor = owner;
      const posted = await apiPost("/api/v1/spaces/[slug]/releases", { slug: "lumen" }, { modelName: "lumen-1b", version: "0.1" });
      session.actor = null;
      expect(posted).toMatchObject({ status: 403, body: { error: refusal } });
      expect(await db.governanceEvent.count()).toBe(events);
      // Reading stays open, and the space says what it is.
      expect((await apiGet("/api/v1/spaces/[slug]", { slug: "lumen" })).status).toBe(200);
    });
  });

  it("as a fork goes on governing: its log continues from the imported root, starting with space.forked", async () => {
    const url = await secondDatabase();
    await onDatabase(url, async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const imported = await importArchive(fromFile, { mode: "fork" });
      if (!imported.ok) throw new Error(imported.error.message);
      const { size, rootHash } = { size: imported.data.checkpointSize, rootHash: imported.data.rootHash };
      const { openDecision } = await import("@/lib/decisions/use-cases/open-decision");
      const { openDecisionInput } = await import("@/lib/decisions/schema");
      const owner = { id: owners()[0]!, name: null, email: null };
      const opened = await openDecision(owner, openDecisionInput.parse({ spaceSlug: "lumen", title: "Adopt the fork's code of conduct", kind: "policy", hours: 72 }));
      if (!opened.ok) throw new Error(opened.error.message);

      const events = (await apiGet("/api/v1/spaces/[slug]/events", { slug: "lumen" }, `?after=${size - 1}&limit=10`)).body as {
        events: Array<{ seq: number; event: { type: string; data: Record<string, unknown> } }>;
        checkpoint: { size: number; keyId: string };
      };
      expect(events.events.map((e) => [e.seq, e.event.type])).toEqual([[size, "space.forked"], [size + 1, "decision.opened"]]);
      expect(events.events[0]!.event.data).toEqual({ origin: "https://origin.example", originSlug: "lumen", checkpointSize: size, rootHash });
      expect(events.checkpoint.size).toBe(size + 2);
      // Signed by this instance's own key, and consistent with the origin's checkpoint.
      const originKey = (JSON.parse(text.split("\n").find((l) => l.includes('"publicKey"') && l.startsWith('{"checkpoint":'))!) as { checkpoint: { keyId: string } }).checkpoint.keyId;
      expect(events.checkpoint.keyId).not.toBe(originKey);
      const proof = (await apiGet("/api/v1/spaces/[slug]/consistency", { slug: "lumen" }, `?from=${size}`)).body as { fromRoot: string; toRoot: string; proof: string[] };
      expect(proof.fromRoot).toBe(rootHash);
      const { verifyConsistency } = await import("@/lib/record/verify-proof");
      const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, "hex"));
      expect(verifyConsistency({ size1: size, size2: size + 2, root1: bytes(rootHash), root2: bytes(proof.toRoot), proof: proof.proof.map(bytes) })).toMatchObject({ ok: true });
      // And the fork's own archive verifies, its checkpoints signed by two keys.
      const { archiveText: forkArchive, verdict } = await import("@/test/integration/archive/archive-support");
      const outcome = await verdict(await forkArchive("lumen"));
      if (!outcome.ok) throw new Error(outcome.reason);
      expect(outcome.rows.keys.length).toBe(2);
    });
  });

  it("is refused whole when it does not verify, leaving the database as it was", async () => {
    const url = await secondDatabase();
    await onDatabase(url, async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const { db } = await import("@/lib/db");
      const bad = text.replace(/"name":"Lumen Collective"/, '"name":"Lumen Collective (forged)"');
      const refused = await importArchive(() => oneBuffer(bad), { mode: "fork" });
      expect(refused).toMatchObject({ ok: false, error: { code: "ARCHIVE_REFUSED", message: expect.stringMatching(/^Section space does not match the manifest's digest/) } });
      const counts = await Promise.all([db.space.count(), db.user.count(), db.governanceEvent.count(), db.checkpoint.count()]);
      expect(counts).toEqual([0, 0, 0, 0]);
      // The import reads the archive once, writing as it verifies: a record line altered near the end (a space the
      // leaf hash does not see, the manifest's digest does) is found after every event was written, and rolled back.
      let reads = 0;
      const at = text.lastIndexOf('"type":"ballot.cast"');
      const altered = `${text.slice(0, at)}"type":"ballot.cast" ${text.slice(at + '"type":"ballot.cast"'.length)}`;
      const lateProblem = () => (reads++, oneBuffer(altered));
      expect(await importArchive(lateProblem, { mode: "mirror" })).toMatchObject({ ok: false, error: { code: "ARCHIVE_REFUSED", message: expect.stringMatching(/^Section record does not match the manifest's digest/) } });
      expect(reads).toBe(1);
      expect(await Promise.all([db.space.count(), db.user.count(), db.governanceEvent.count(), db.checkpoint.count()])).toEqual([0, 0, 0, 0]);
      expect(await importArchive(fromFile, { mode: "copy" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    });
  });
});
