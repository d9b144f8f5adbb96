// People who arrive with an archive: a person claims their identity by signing in with the same provider account
// (issuer and subject), or an owner of the fork maps them to a user of this instance. A mirror refuses the mapping,
// and so does anyone but an owner. Origin, fork and mirror each on a database of their own.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { apiPost, oneBuffer, onDatabase, scratchDatabases } from "@/test/integration/archive/second-instance";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));

const database = scratchDatabases("cw_identity");

let text: string;
let slug: string;
// The origin's people: an owner who signs in with GitHub, a steward and a member with other accounts.
const people = { owner: "", steward: "", member: "" };

beforeAll(async () => {
  text = await onDatabase(await database(), async () => {
    const { db } = await import("@/lib/db");
    const { createSpace } = await import("@/lib/spaces/use-cases/create-space");
    const { addMember } = await import("@/lib/members/use-cases/add-member");
    const { unique } = await import("@/test/support/factories");
    const { archiveText } = await import("@/test/integration/archive/archive-support");
    const person = async (name: string, provider: string, subject: string) =>
      db.user.create({ data: { name, email: `${unique(name.toLowerCase())}@example.test`, accounts: { create: { type: "oauth", provider, providerAccountId: subject } } } });
    const owner = await person("Ama", "github", "gh-ama");
    const steward = await person("Ben", "github", "gh-ben");
    const member = await person("Cai", "gitlab", "gl-cai");
    Object.assign(people, { owner: owner.id, steward: steward.id, member: member.id });
    slug = unique("carried");
    const actor = { id: owner.id, name: owner.name, email: owner.email };
    const created = await createSpace(actor, { slug, name: "Carried", description: "", visibility: "public", homepageUrl: null, sourceUrl: null, hfOrg: null });
    if (!created.ok) throw new Error(created.error.message);
    for (const [user, role] of [[steward, "steward"], [member, "member"]] as const) {
      const added = await addMember(actor, { spaceSlug: slug, email: user.email!, role });
      if (!added.ok) throw new Error(added.error.message);
    }
    const { sequenceLog } = await import("@/lib/record/sequencer");
    await sequenceLog((await db.space.findUniqueOrThrow({ where: { slug } })).id, { wait: true });
    return archiveText(slug);
  });
}, 120_000);

async function imported(mode: "fork" | "mirror") {
  const { importArchive } = await import("@/lib/archive/import/import-archive");
  const result = await importArchive(() => oneBuffer(text), { mode });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe("people who arrived with an archive", () => {
  it("claim their identity by signing in with the same provider account, and no other", async () => {
    await onDatabase(await database(), async () => {
      await imported("fork");
      const { db } = await import("@/lib/db");
      const { claimImportedIdentity } = await import("@/lib/auth/mutations");
      // The same subject at another issuer is another account: nobody is waiting for it.
      expect(await claimImportedIdentity({ provider: "gitlab", providerAccountId: "gh-ama", type: "oauth" })).toBeNull();
      const claimed = await claimImportedIdentity({ provider: "github", providerAccountId: "gh-ama", type: "oauth" });
      expect(claimed).toMatchObject({ id: people.owner, name: "Ama", email: null });
      expect(await db.account.findMany({ where: { userId: people.owner }, select: { provider: true, providerAccountId: true } })).toEqual([{ provider: "github", providerAccountId: "gh-ama" }]);
      expect((await db.importedIdentity.findUniqueOrThrow({ where: { userId: people.owner } })).claimedAt).toBeInstanceOf(Date);
      const events = await db.governanceEvent.findMany({ where: { type: "identity.claimed" } });
      expect(events.map((e) => [e.spaceId, e.actorId, e.subject, e.data])).toEqual([[null, people.owner, { userId: people.owner }, { how: "sign-in" }]]);
      // They keep their role in the space under their original id.
      expect((await db.membership.findFirstOrThrow({ where: { userId: people.owner } })).role).toBe("owner");
      // Claimed once: the same account does not claim again (Auth.js now finds it linked), nor does anyone else's.
      expect(await claimImportedIdentity({ provider: "github", providerAccountId: "gh-ama", type: "oauth" })).toBeNull();
      expect(await db.governanceEvent.count({ where: { type: "identity.claimed" } })).toBe(1);
    });
  });

  it("on a fork, an owner maps an unclaimed person to a user here, who takes their place; the fork still verifies", async () => {
    await onDatabase(await database(), async () => {
      const { spaceId } = await imported("fork");
      const { db } = await import("@/lib/db");
      const { mapIdentity } = await import("@/lib/members/use-cases/map-identity");
      const { listUnclaimedMembers } = await import("@/lib/members/data");
      const here = await db.user.create({ data: { name: "Ben (here)", email: "ben.here@example.test" } });
      const owner = { id: people.owner, name: "Ama", email: null };
      expect((await listUnclaimedMembers(spaceId)).map((m) => [m.userId, m.role])).toEqual([
        [people.owner, "owner"],
        [people.steward, "steward"],
        [people.member, "member"],
      ]);

      session.actor = owner;
      const answer = await apiPost(`/api/v1/spaces/[slug]/members/[userId]/identity`, { slug, userId: people.steward }, { email: "ben.here@example.test" });
      session.actor = null;
      expect(answer).toMatchObject({ status: 200, body: { userId: here.id, name: "Ben (here)", role: "steward", mappedFrom: people.steward } });
      expect(await db.membership.findMany({ where: { spaceId, userId: { in: [people.steward, here.id] } }, select: { userId: true, role: true } })).toEqual([{ userId: here.id, role: "steward" }]);
      const [event] = await db.governanceEvent.findMany({ where: { type: "member.identity_mapped" } });
      expect([event?.spaceId, event?.actorId, event?.subject, event?.data]).toEqual([spaceId, people.owner, { spaceId, userId: people.steward }, { toUserId: here.id, role: "steward" }]);
      expect((await listUnclaimedMembers(spaceId)).map((m) => m.userId)).toEqual([people.owner, people.member]);

      // Refusals change nothing: a non-owner, someone not waiting to be claimed, an unknown e-mail, a user already here.
      const before = await db.governanceEvent.count();
      const asHere = { id: here.id, name: here.name, email: here.email };
      await expect(mapIdentity(asHere, { spaceSlug: slug, userId: people.member, email: "ben.here@example.test" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Only owners may map a person who arrived with the archive to someone of this instance; you are a steward.",
      });
      expect(await mapIdentity(owner, { spaceSlug: slug, userId: here.id, email: "ben.here@example.test" })).toMatchObject({ ok: false, error: { code: "NOT_UNCLAIMED" } });
      expect(await mapIdentity(owner, { spaceSlug: slug, userId: people.member, email: "nobody@example.test" })).toMatchObject({ ok: false, error: { code: "USER_NOT_FOUND", fields: { email: ["No user has this e-mail"] } } });
      expect(await mapIdentity(owner, { spaceSlug: slug, userId: people.member, email: "ben.here@example.test" })).toMatchObject({ ok: false, error: { code: "ALREADY_MEMBER" } });
      expect(await db.governanceEvent.count()).toBe(before);
      expect(await db.membership.count({ where: { spaceId, userId: people.member } })).toBe(1);

      // The fork's own archive still verifies: the record accounts for the mapped membership.
      const { sequenceLog } = await import("@/lib/record/sequencer");
      await sequenceLog(spaceId, { wait: true });
      const { archiveText, verdict } = await import("@/test/integration/archive/archive-support");
      const outcome = await verdict(await archiveText(slug));
      if (!outcome.ok) throw new Error(outcome.reason);
      expect(outcome.rows.members.map((m) => m.userId).sort()).toEqual([people.owner, people.member, here.id].sort());
    });
  });

  it("on a mirror, nobody maps: the space is read-only, and nothing is recorded", async () => {
    await onDatabase(await database(), async () => {
      const { spaceId } = await imported("mirror");
      const { db } = await import("@/lib/db");
      await db.user.create({ data: { name: "Ben (here)", email: "ben.mirror@example.test" } });
      const before = await db.governanceEvent.count();
      session.actor = { id: people.owner, name: "Ama", email: null };
      const answer = await apiPost(`/api/v1/spaces/[slug]/members/[userId]/identity`, { slug, userId: people.steward }, { email: "ben.mirror@example.test" });
      session.actor = null;
      expect(answer).toMatchObject({ status: 403, body: { error: { code: "MIRROR_READ_ONLY", message: `This space is a read-only mirror of https://origin.example/s/${slug}: changes are made there, not here.` } } });
      expect(await db.governanceEvent.count()).toBe(before);
      expect(await db.membership.count({ where: { spaceId, userId: people.steward } })).toBe(1);
    });
  });
});
