// History and permalinks name (and so link) only the items of the space being read.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendEvent } from "@/lib/record/append";
import { eventPermalink } from "@/lib/history/use-cases/event-permalink";
import { spaceHistory } from "@/lib/history/use-cases/space-history";
import { createSpace, createUser } from "@/test/support/factories";
import { createRelease } from "@/test/integration/audits/support";

describe("subjects of history entries", () => {
  it("titles the space's own release; another space's release id gets no title, in history and on the permalink", async () => {
    const alice = await createUser({ name: "Alice Example" });
    const space = await createSpace({ members: [{ userId: alice.id, role: "owner" }] });
    const other = await createSpace({ members: [{ userId: alice.id, role: "owner" }] });
    const ours = await createRelease(space.id, alice.id);
    const theirs = await createRelease(other.id, alice.id);
    for (const releaseId of [ours.id, theirs.id]) {
      await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: alice.id, type: "release.submitted", subject: { releaseId }, data: { from: "draft", to: "in_review" } }));
    }
    const history = await spaceHistory(null, space.slug, {}, {});
    expect(history.titles[ours.id]).toBe(`${ours.modelName} 1.0`);
    expect(history.titles).not.toHaveProperty(theirs.id);

    const first = await eventPermalink(null, space.slug, 0);
    const second = await eventPermalink(null, space.slug, 1);
    if (!first.ok || !second.ok) throw new Error("permalinks missing");
    expect(first.data.titles).toEqual({ [ours.id]: `${ours.modelName} 1.0` });
    expect(second.data.titles).toEqual({});
  });

  it("keeps a private space's history, and so its subjects, from non-members", async () => {
    const alice = await createUser();
    const stranger = await createUser();
    const space = await createSpace({ visibility: "private", members: [{ userId: alice.id, role: "owner" }] });
    const release = await createRelease(space.id, alice.id);
    await db.$transaction((tx) => appendEvent(tx, { spaceId: space.id, actorId: alice.id, type: "release.submitted", subject: { releaseId: release.id }, data: { from: "draft", to: "in_review" } }));
    await expect(spaceHistory({ id: stranger.id, name: null, email: null }, space.slug, {}, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eventPermalink(null, space.slug, 0)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await spaceHistory({ id: alice.id, name: null, email: null }, space.slug, {}, {});
    expect(own.titles[release.id]).toBe(`${release.modelName} 1.0`);
  });
});
