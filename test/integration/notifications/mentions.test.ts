// A mention always notifies: against real Postgres and a real SMTP server, a comment naming a member puts an
// entry in their inbox and, by their preference for mentions, an e-mail, whatever they watch or muted; an
// edit tells only the people it newly names; names of non-members and of people who left do nothing.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { raiseConcern } from "@/lib/concerns/use-cases/raise-concern";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { saveWatch, savePreferences } from "@/lib/notifications/mutations";
import { editComment } from "@/lib/threads/use-cases/edit-comment";
import { openProposal } from "@/lib/threads/use-cases/open-proposal";
import { postComment } from "@/lib/threads/use-cases/post-comment";
import { runDueJobs } from "@/lib/worker/runner";
import { community, input, opened } from "@/test/integration/decisions/support";
import { createUser } from "@/test/support/factories";
import { withMailServer } from "@/test/integration/notifications/mail-server";

const url = () => process.env.DATABASE_URL!;
const smtp = withMailServer();

const inboxOf = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
const mailsTo = (email: string) => smtp.received.filter((m) => m.to === email);
const ok = <T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};
const fanOutJobs = () => db.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS count FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'notify.fan-out'`;

async function proposalIn(visibility: "public" | "private") {
  const { space, people } = await community({ roles: ["owner", "member", "member"] });
  if (visibility === "private") await db.space.update({ where: { id: space.id }, data: { visibility: "private" } });
  const [owner, named, other] = people as [Actor, Actor, Actor];
  const proposal = ok(await openProposal(owner, { spaceSlug: space.slug, title: "Adopt a code of conduct?", body: "Let us discuss." }));
  return { space, owner, named, other, thread: { threadKind: "proposal" as const, threadId: proposal.id } };
}

const nameOf = async (actor: Actor) => (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).name!;
const emailOf = async (actor: Actor) => (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).email!;

describe("a mention", () => {
  it("notifies the member it names, by inbox and e-mail, though they muted the space; nobody else hears it", async () => {
    const { space, owner, named, other, thread } = await proposalIn("public");
    await saveWatch({ userId: named.id, spaceId: space.id, itemId: "", watching: false, now: new Date() });
    const posted = ok(await postComment(owner, { ...thread, body: `@${await nameOf(named)} what do you think? And @${await nameOf(owner)} agrees.` }));
    expect(posted.mentions.sort()).toEqual([named.id, owner.id].sort());
    await runDueJobs(url());

    const inbox = await inboxOf(named.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: "mention", title: `${await nameOf(owner)} mentioned you in ${space.name}: Adopt a code of conduct?`, path: `/s/${space.slug}/proposals/${thread.threadId}`, mail: "sent" });
    const mails = mailsTo(await emailOf(named));
    expect(mails.map((m) => m.subject)).toEqual([inbox[0]!.title]);
    expect(mails[0]!.text).toContain(`http://localhost:3000/s/${space.slug}/proposals/${thread.threadId}`);
    // Neither the comment's words (erasable) nor anything for its author (who named himself) or the unnamed member.
    expect(mails[0]!.text).not.toContain("what do you think");
    expect(await inboxOf(owner.id)).toEqual([]);
    expect(await inboxOf(other.id)).toEqual([]);
    expect(smtp.received).toHaveLength(1);
  });

  it("follows the preference for mentions, and 'off' still leaves the entry in the inbox", async () => {
    const { owner, named, other, thread } = await proposalIn("public");
    await savePreferences({ userId: named.id, channels: { mention: "off" }, now: new Date() });
    await savePreferences({ userId: other.id, channels: { mention: "in_app" }, now: new Date() });
    ok(await postComment(owner, { ...thread, body: `@${await nameOf(named)} and @${await nameOf(other)}, please look.` }));
    await runDueJobs(url());
    for (const person of [named, other]) expect((await inboxOf(person.id)).map((n) => [n.kind, n.mail])).toEqual([["mention", "none"]]);
    expect(smtp.received).toEqual([]);
  });

  it("on an edit, tells only the people it newly names", async () => {
    const { owner, named, other, thread } = await proposalIn("public");
    const posted = ok(await postComment(owner, { ...thread, body: `@${await nameOf(named)} please look.` }));
    await runDueJobs(url());
    ok(await editComment(owner, { commentId: posted.id, body: `@${await nameOf(named)} and @${await nameOf(other)}, please look.` }));
    await runDueJobs(url());
    expect(await inboxOf(named.id)).toHaveLength(1);
    expect(await inboxOf(other.id)).toHaveLength(1);
    expect(mailsTo(await emailOf(named))).toHaveLength(1);
    expect(mailsTo(await emailOf(other))).toHaveLength(1);
  });

  it("in a decision's thread links the decision", async () => {
    const { space, people } = await community({ roles: ["steward", "member"] });
    const [steward, member] = people as [Actor, Actor];
    const decision = await opened(await openDecision(steward, input(space.slug, { kind: "policy", title: "Adopt the code of conduct", hours: 48 })));
    await runDueJobs(url());
    smtp.received.length = 0;
    ok(await postComment(steward, { threadKind: "decision", threadId: decision.id, body: `@${await nameOf(member)} your vote, please.` }));
    await runDueJobs(url());
    const mentions = (await inboxOf(member.id)).filter((n) => n.kind === "mention");
    expect(mentions.map((n) => n.path)).toEqual([`/s/${space.slug}/decisions/${decision.id}`]);
    expect(mailsTo(await emailOf(member)).map((m) => m.subject)).toEqual([mentions[0]!.title]);

    // A concern's thread lives on the decision's page, opened by the concern's anchor.
    const concern = ok(await raiseConcern(steward, { on: "decision", subjectId: decision.id, title: "Scope is unclear", body: "Does it cover chat?" }));
    ok(await postComment(steward, { threadKind: "concern", threadId: concern.id, body: `@${await nameOf(member)} does it?` }));
    await runDueJobs(url());
    const onConcern = (await inboxOf(member.id)).filter((n) => n.kind === "mention").at(-1)!;
    expect(onConcern).toMatchObject({ title: `${await nameOf(steward)} mentioned you in ${space.name}: Scope is unclear`, path: `/s/${space.slug}/decisions/${decision.id}#concern-${concern.id}` });
  });
});

describe("in a private space", () => {
  it("a non-member's name is plain text: no notification, not even a fan-out job", async () => {
    const { owner, thread } = await proposalIn("private");
    const stranger = await createUser({ name: "Outside Olga" });
    const before = (await fanOutJobs())[0]!.count;
    const posted = ok(await postComment(owner, { ...thread, body: "@Outside Olga would like this." }));
    expect(posted.mentions).toEqual([]);
    expect((await fanOutJobs())[0]!.count).toBe(before);
    await runDueJobs(url());
    expect(await inboxOf(stranger.id)).toEqual([]);
    expect(mailsTo(stranger.email!)).toEqual([]);
  });

  it("a member named who has left before the job runs hears nothing", async () => {
    const { space, owner, named, thread } = await proposalIn("private");
    ok(await postComment(owner, { ...thread, body: `@${await nameOf(named)} please look.` }));
    await db.membership.deleteMany({ where: { spaceId: space.id, userId: named.id } });
    await runDueJobs(url());
    expect(await inboxOf(named.id)).toEqual([]);
    expect(mailsTo(await emailOf(named))).toEqual([]);
  });
});
