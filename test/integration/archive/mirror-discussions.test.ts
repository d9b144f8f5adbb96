// A mirror's discussions over time: a following mirror that catches up after the origin redacted and deleted comments
// erases their texts too (and its own archive still verifies); an older archive (format 1, no discussion rows) still
// imports, without its discussions, as before.
import { beforeAll, describe, expect, it } from "vitest";
import { discussionSections, withoutSections } from "@/test/integration/archive/archive-support";
import { moderateDemoThreads, type Moderated } from "@/test/integration/archive/demo-discussions";
import { demoOrigin, oneBuffer as once, onDatabase, scratchDatabases } from "@/test/integration/archive/second-instance";

const database = scratchDatabases("cw_mirror_threads");

/** The archive before the moderation, and after it. */
let before: string;
let after: string;
let moderated: Moderated;

beforeAll(async () => {
  const origin = await demoOrigin(await database(), async () => null, async (ctx) => {
    const { archiveText } = await import("@/test/integration/archive/archive-support");
    const text = await archiveText("lumen");
    return { text, ...(await moderateDemoThreads(ctx)) };
  });
  ({ text: before, ...moderated } = origin.prepared!);
  after = origin.text;
}, 180_000);


describe("a mirror's discussions", () => {
  it("follow the origin's redactions and deletions: the texts it held go, and its own archive verifies", async () => {
    await onDatabase(await database(), async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const { verifyArchive } = await import("@/lib/archive/verify");
      const { catchUp } = await import("@/lib/archive/mirror/mutations");
      const { archiveText, verdict } = await import("@/test/integration/archive/archive-support");
      const { readThread } = await import("@/lib/threads/use-cases/read-thread");
      const { db } = await import("@/lib/db");
      const imported = await importArchive(() => once(before), { mode: "mirror", follow: true });
      if (!imported.ok) throw new Error(imported.error.message);
      const erasedLater = await db.commentVersion.findMany({ where: { commentId: { in: [moderated.redacted, moderated.deleted] } }, select: { eventId: true } });
      const texts = () => db.recordText.count({ where: { eventId: { in: erasedLater.map((v) => v.eventId) } } });
      expect(await texts()).toBe(2);

      const held = { size: imported.data.checkpointSize, rootHash: imported.data.rootHash };
      const newer = await verifyArchive(once(after), { prefix: held });
      if (!newer.ok) throw new Error(newer.reason);
      await catchUp(newer, () => once(after), held.size);

      expect(await texts()).toBe(0);
      const spam = await db.comment.findUniqueOrThrow({ where: { id: moderated.redacted } });
      const thread = await readThread(null, { threadKind: spam.subjectKind as "release", threadId: spam.subjectId });
      expect(thread.comments.find((c) => c.id === moderated.redacted)).toMatchObject({ state: "redacted", body: null, note: "Spam from a compromised account: the link is malicious" });
      const edited = thread.comments.find((c) => c.id === moderated.edited);
      expect(edited).toMatchObject({ version: 2, body: expect.stringContaining("Q4_K_M") });
      const own = await verdict(await archiveText("lumen"));
      expect(own.ok ? "OK" : own.reason).toBe("OK");
    });
  });

  it("of an older archive (format 1) are absent, and the archive still imports", async () => {
    await onDatabase(await database(), async () => {
      const { importArchive } = await import("@/lib/archive/import/import-archive");
      const { db } = await import("@/lib/db");
      const imported = await importArchive(() => once(withoutSections(after, discussionSections, 1)), { mode: "mirror" });
      if (!imported.ok) throw new Error(imported.error.message);
      expect(await db.release.count()).toBeGreaterThan(0);
      expect([await db.comment.count(), await db.proposal.count(), await db.concern.count()]).toEqual([0, 0, 0]);
    });
  });
});
