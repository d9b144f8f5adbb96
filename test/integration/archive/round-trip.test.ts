// Round trip: the demo space (its discussions edited, redacted and deleted in places) exported here and imported on a
// second database answers the API exactly as it does here; imported as a fork, it goes on governing with its own log
// starting from the imported root.
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { apiGet, apiPost, demoOrigin, oneBuffer, onDatabase, scratchDatabases, spaceAnswers } from "@/test/integration/archive/second-instance";
import { moderateDemoThreads, type Moderated } from "@/test/integration/archive/demo-discussions";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));

let dir: string;
let file: string;
let text: string;
let here: Record<string, unknown>;
const secondDatabase = scratchDatabases("cw_archive");
let moderated: Moderated;

const mirrorSentence = "This space is a read-only mirror of https://origin.example/s/lumen: changes are made there, not here.";
/** The origin's answer with each "Sign in to …" refusal replaced by the mirror's sentence. */
const asOnMirror = (answer: unknown): unknown => JSON.parse(JSON.stringify(answer), (_key, value: unknown) => (typeof value === "string" && /^Sign in to [^.]+\.$/.test(value) ? mirrorSentence : value));

const fromFile = () => createReadStream(file, { highWaterMark: 1 << 16 });
const owners = () =>
  text
    .split("\n")
    .filter((l) => l.includes('"role":"owner"') && l.includes('"joinedAt"'))
    .map((l) => (JSON.parse(l) as { userId: string }).userId);

beforeAll(async () => {
  const origin = await demoOrigin(await secondDatabase(), () => spaceAnswers("lumen"), moderateDemoThreads);
  ({ text, also: here } = origin);
  moderated = origin.prepared!;
  dir = await mkdtemp(path.join(os.tmpdir(), "cw-archive-"));
  file = path.join(dir, "lumen.cwarchive");
  await writeFile(file, text);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("an archive imported on another instance", () => {
  it("as a mirror answers releases, audits, decisions, discussions and history exactly as the origin does, and refuses every write", async () => {
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
      // The one difference: where the origin tells a reader to sign in to post or raise a concern, the mirror says why
      // nobody can (the policy's mirror sentence comes before sign-in). Everything else is the same answer.
      for (const key of Object.keys(here)) expect([key, there[key]]).toEqual([key, asOnMirror(here[key])]);
      // Those answers include the discussions, in every state: an edit's earlier version, a redaction, a deletion.
      const threads = Object.entries(here).filter(([key]) => key.startsWith("/api/v1/threads/"));
      expect(new Set(threads.map(([key]) => (JSON.parse(key.slice(key.indexOf(" ") + 1)) as { kind: string }).kind))).toEqual(new Set(["release", "audit", "decision", "proposal", "concern"]));
      type Shown = { id: string; state: string; body: string | null; version: number; earlier: unknown[]; replies?: Shown[] };
      const shown = threads.flatMap(([, answer]) => (answer as { body: { comments: Shown[] } }).body.comments.flatMap((c) => [c, ...(c.replies ?? [])]));
      expect(shown.length).toBeGreaterThan(10);
      const byId = (id: string) => shown.find((c) => c.id === id);
      expect(byId(moderated.edited)).toMatchObject({ state: "visible", version: 2, body: expect.stringContaining("Q4_K_M"), earlier: [expect.objectContaining({ version: 1 })] });
      expect(byId(moderated.redacted)).toMatchObject({ state: "redacted", body: null });
      expect(byId(moderated.deleted)).toMatchObject({ state: "deleted", body: null });
      const proposals = here["/api/v1/spaces/[slug]/proposals {\"slug\":\"lumen\"}"] as { body: { proposals: unknown[] } };
      expect(proposals.body.proposals.length).toBeGreaterThan(0);

      // Every write is refused through the policy, with where the space is governed; nothing is recorded.
      const { db } = await import("@/lib/db");
      const { castBallot, } = await import("@/lib/decisions/use-cases/cast-ballot");
      const { openDecision } = await import("@/lib/decisions/use-cases/open-decision");
      const { openDecisionInput } = await import("@/lib/decisions/schema");
      const events = await db.governanceEvent.count();
      // The erased texts did not come back with the copy: no text row for any version of the redacted or deleted comment.
      const erased = await db.commentVersion.findMany({ where: { commentId: { in: [moderated.redacted, moderated.deleted] } }, select: { eventId: true } });
      expect(erased.length).toBe(2);
      expect(await db.recordText.count({ where: { eventId: { in: erased.map((v) => v.eventId) } } })).toBe(0);
      expect(await db.comment.count()).toBe(shown.length);
      const owner = { id: owners()[0]!, name: null, email: null };
      const refusal = { code: "MIRROR_READ_ONLY", message: mirrorSentence };
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
