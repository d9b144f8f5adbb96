// A decision still open at the origin when the archive was made arrives on a fork with its eligibility frozen under
// the origin's people. Whoever stands for one of them here (they claimed their identity by signing in, or an owner
// mapped them to a user of this instance) votes in their place: one ballot per person on the list, the list and its
// hash untouched, and the fork's own archive still verifies. Origin and each fork on a database of their own.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { createScratchDatabase, type ScratchDatabase } from "@/scripts/scratch-database";
import { migrateDeploy } from "@/scripts/migrate";
import { onDatabase } from "@/test/integration/archive/second-instance";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor, requireActor: async () => session.actor }));

const scratch: ScratchDatabase[] = [];
async function database(): Promise<string> {
  const db = await createScratchDatabase("cw_voters");
  scratch.push(db);
  migrateDeploy(db.url);
  return db.url;
}
async function* once(text: string) {
  yield Buffer.from(text);
}

let text: string;
let slug: string;
let decisionId: string;
let eligibilityHash: string;
// The origin's people: Ama (owner, GitHub), Ben (steward, GitHub) who votes at the origin, Cai (member, GitLab).
const people = { owner: "", steward: "", member: "" };
const as = (id: string, name: string | null = null): Actor => ({ id, name, email: null });

beforeAll(async () => {
  text = await onDatabase(await database(), async () => {
    const { db } = await import("@/lib/db");
    const { createSpace } = await import("@/lib/spaces/use-cases/create-space");
    const { addMember } = await import("@/lib/members/use-cases/add-member");
    const { openDecision } = await import("@/lib/decisions/use-cases/open-decision");
    const { openDecisionInput } = await import("@/lib/decisions/schema");
    const { castBallot } = await import("@/lib/decisions/use-cases/cast-ballot");
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
    const opened = await openDecision(actor, openDecisionInput.parse({ spaceSlug: slug, title: "Adopt the code of conduct", kind: "policy", hours: 72 }));
    if (!opened.ok) throw new Error(opened.error.message);
    decisionId = opened.data.id;
    eligibilityHash = opened.data.eligibilityHash;
    const cast = await castBallot(as(steward.id), { decisionId, choice: "no" });
    if (!cast.ok) throw new Error(cast.error.message);
    const { sequenceLog } = await import("@/lib/record/sequencer");
    await sequenceLog((await db.space.findUniqueOrThrow({ where: { slug } })).id, { wait: true });
    return archiveText(slug);
  });
}, 120_000);

afterAll(async () => {
  for (const db of scratch) await db.drop();
});

/** A fresh fork of the origin's archive on its own database, and `fn` run against it. */
async function onFork<T>(fn: (spaceId: string) => Promise<T>): Promise<T> {
  return onDatabase(await database(), async () => {
    const { importArchive } = await import("@/lib/archive/import/import-archive");
    const result = await importArchive(() => once(text), { mode: "fork" });
    if (!result.ok) throw new Error(result.error.message);
    return fn(result.data.spaceId);
  });
}

/** The fork's archive, made now, verified by the offline verifier. */
async function forkVerifies(spaceId: string) {
  const { sequenceLog } = await import("@/lib/record/sequencer");
  await sequenceLog(spaceId, { wait: true });
  const { archiveText, verdict } = await import("@/test/integration/archive/archive-support");
  const outcome = await verdict(await archiveText(slug));
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

async function ballots() {
  const { db } = await import("@/lib/db");
  return db.ballot.findMany({ where: { decisionId }, orderBy: { voterId: "asc" }, select: { voterId: true, castById: true, choice: true } });
}

describe("a decision open at the origin, voted on in a fork", () => {
  it("arrives open with its eligibility as frozen at the origin, and Ben's ballot", async () => {
    await onFork(async () => {
      const { db } = await import("@/lib/db");
      const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
      expect([decision.status, decision.eligibilityHash]).toEqual(["open", eligibilityHash]);
      expect((decision.eligibility as Array<{ userId: string }>).map((v) => v.userId).sort()).toEqual([people.owner, people.steward, people.member].sort());
      expect(await ballots()).toEqual([{ voterId: people.steward, castById: null, choice: "no" }]);
    });
  });

  it("a person who claims their identity by signing in votes under it", async () => {
    await onFork(async (spaceId) => {
      const { claimImportedIdentity } = await import("@/lib/auth/mutations");
      const { castBallot } = await import("@/lib/decisions/use-cases/cast-ballot");
      const claimed = await claimImportedIdentity({ provider: "github", providerAccountId: "gh-ama", type: "oauth" });
      expect(claimed?.id).toBe(people.owner);
      expect(await castBallot(as(people.owner, "Ama"), { decisionId, choice: "yes" })).toMatchObject({ ok: true, data: { binding: true, changed: false } });
      expect(await ballots()).toEqual([
        { voterId: people.owner, castById: null, choice: "yes" },
        { voterId: people.steward, castById: null, choice: "no" },
      ].sort((a, b) => a.voterId.localeCompare(b.voterId)));
      await forkVerifies(spaceId);
    });
  });

  it("a user an owner mapped a person to votes in that person's place: one ballot for the person, recorded as cast by the user", async () => {
    await onFork(async (spaceId) => {
      const { db } = await import("@/lib/db");
      const { mapIdentity } = await import("@/lib/members/use-cases/map-identity");
      const { castBallot } = await import("@/lib/decisions/use-cases/cast-ballot");
      const { decisionDetail } = await import("@/lib/decisions/use-cases/decision-detail");
      const here = await db.user.create({ data: { name: "Ben (here)", email: "ben.here@example.test" } });
      const mapped = await mapIdentity(as(people.owner, "Ama"), { spaceSlug: slug, userId: people.steward, email: "ben.here@example.test" });
      expect(mapped).toMatchObject({ ok: true });

      // Before voting, the page shows them as the eligible person, with Ben's ballot from the origin as theirs.
      const before = await decisionDetail(as(here.id), decisionId);
      expect(before.you).toMatchObject({ eligible: true, binding: true, choice: "no" });

      // Ben changes his ballot here, as any voter may while the decision is open: still one ballot for Ben.
      const cast = await castBallot(as(here.id, "Ben (here)"), { decisionId, choice: "yes" });
      expect(cast).toMatchObject({ ok: true, data: { binding: true, changed: true } });
      expect(await ballots()).toEqual([{ voterId: people.steward, castById: here.id, choice: "yes" }]);
      const event = await db.governanceEvent.findFirstOrThrow({ where: { type: "ballot.cast", actorId: here.id } });
      expect([event.subject, event.data, event.typeVersion]).toEqual([{ decisionId }, { choice: "yes", binding: true, for: people.steward }, 2]);
      const [ballot] = await db.ballot.findMany({ where: { decisionId } });
      expect(ballot?.receipt).toBe(event.hash);

      // The tally counts one ballot per person on the frozen list, whose hash is unchanged.
      const after = await decisionDetail(as(here.id), decisionId);
      expect(after.you).toMatchObject({ eligible: true, choice: "yes", receipt: event.hash });
      expect(after.eligibility.hash).toBe(eligibilityHash);
      expect(after.ballots.map((b) => [b.voterId, b.choice])).toEqual([[people.steward, "yes"]]);
      expect(after.tally).toMatchObject({ counts: { yes: 1 } });
      expect((await db.decision.findUniqueOrThrow({ where: { id: decisionId } })).eligibilityHash).toBe(eligibilityHash);

      // The fork's archive verifies, its ballot row matching the event that the mapped user cast.
      const outcome = await forkVerifies(spaceId);
      expect(outcome.rows.ballots.map((b) => [b.voterId, b.castById, b.receipt])).toEqual([[people.steward, here.id, event.hash]]);
      // A row that names another caster, or none, no longer matches its event, even with the manifest resealed.
      const { archiveText, editRow, reseal, verdict } = await import("@/test/integration/archive/archive-support");
      const exported = await archiveText(slug);
      for (const castById of [people.owner, undefined]) {
        const forged = reseal(editRow(exported, "ballots", (row) => ({ ...row, castById })));
        expect(await verdict(forged)).toEqual({
          ok: false,
          reason: `The ballot of ${people.steward} on decision ${decisionId} names a caster other than its ballot.cast event's actor.`,
        });
      }
    });
  });

  it("a stranger is still refused: a member added on the fork, and a user who is no member", async () => {
    await onFork(async () => {
      const { db } = await import("@/lib/db");
      const { addMember } = await import("@/lib/members/use-cases/add-member");
      const { castBallot } = await import("@/lib/decisions/use-cases/cast-ballot");
      const { claimImportedIdentity } = await import("@/lib/auth/mutations");
      await claimImportedIdentity({ provider: "github", providerAccountId: "gh-ama", type: "oauth" });
      const newcomer = await db.user.create({ data: { name: "Dee", email: "dee@example.test" } });
      const outsider = await db.user.create({ data: { name: "Eve", email: "eve@example.test" } });
      expect(await addMember(as(people.owner), { spaceSlug: slug, email: "dee@example.test", role: "steward" })).toMatchObject({ ok: true });
      const events = await db.governanceEvent.count();
      expect(await castBallot(as(newcomer.id), { decisionId, choice: "yes" })).toMatchObject({
        ok: false,
        error: { code: "NOT_ELIGIBLE", message: "You were not among the eligible voters when this decision opened, so you cannot vote on it." },
      });
      await expect(castBallot(as(outsider.id), { decisionId, choice: "yes" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await db.governanceEvent.count()).toBe(events);
      expect(await ballots()).toEqual([{ voterId: people.steward, castById: null, choice: "no" }]);
    });
  });

  it("someone on the list as themselves and mapped from another person on it is refused a second ballot, in a sentence", async () => {
    await onFork(async () => {
      const { db } = await import("@/lib/db");
      const { claimImportedIdentity } = await import("@/lib/auth/mutations");
      const { removeMember } = await import("@/lib/members/use-cases/remove-member");
      const { mapIdentity } = await import("@/lib/members/use-cases/map-identity");
      const { castBallot } = await import("@/lib/decisions/use-cases/cast-ballot");
      // Cai claims his identity (on the list as himself), leaves, and an owner then maps Ben to him.
      await claimImportedIdentity({ provider: "github", providerAccountId: "gh-ama", type: "oauth" });
      const cai = await claimImportedIdentity({ provider: "gitlab", providerAccountId: "gl-cai", type: "oauth" });
      await db.user.update({ where: { id: cai!.id }, data: { email: "cai.here@example.test" } });
      expect(await removeMember(as(people.member), { spaceSlug: slug, userId: people.member })).toMatchObject({ ok: true });
      expect(await mapIdentity(as(people.owner), { spaceSlug: slug, userId: people.steward, email: "cai.here@example.test" })).toMatchObject({ ok: true });
      const events = await db.governanceEvent.count();
      expect(await castBallot(as(people.member), { decisionId, choice: "yes" })).toMatchObject({
        ok: false,
        error: {
          code: "ON_LIST_TWICE",
          message: "You are on this decision's list of voters twice, as yourself and as a person who arrived with the archive and was mapped to you; one person casts one ballot, so ask an owner of the space to settle who you are.",
        },
      });
      expect(await db.governanceEvent.count()).toBe(events);
      expect(await ballots()).toEqual([{ voterId: people.steward, castById: null, choice: "no" }]);
    });
  });
});
