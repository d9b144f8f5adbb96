// Notifications end to end against real Postgres and a real SMTP server: a decision opens, the fan-out job
// writes the inbox and the e-mail jobs, the e-mails arrive with one-click unsubscribe; visibility and
// preferences hold at delivery time; a retry duplicates nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { verifyUnsubscribe } from "@/lib/mail/unsubscribe-token";
import { sendDigests } from "@/lib/notifications/deliver";
import { fanOut } from "@/lib/notifications/fan-out";
import { saveWatch, savePreferences } from "@/lib/notifications/mutations";
import { runDueJobs } from "@/lib/worker/runner";
import { community, input, opened } from "@/test/integration/decisions/support";
import { createUser } from "@/test/support/factories";
import type { Received } from "@/test/support/smtp";
import { withMailServer } from "@/test/integration/notifications/mail-server";

const url = () => process.env.DATABASE_URL!;
const smtp = withMailServer();

async function openVote(spaceSlug: string, actor: Parameters<typeof openDecision>[0], title = "Adopt the code of conduct") {
  return opened(await openDecision(actor, input(spaceSlug, { kind: "policy", title, hours: 48 })));
}

const headerLine = (mail: Received, key: string) => mail.raw.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, "");
const mailsTo = (email: string) => smtp.received.filter((m) => m.to === email);
const inboxOf = (userId: string) => db.notification.findMany({ where: { userId } });

describe("a decision opens", () => {
  it("puts one inbox entry and one e-mail per member, none for the steward who opened it, and a retry adds nothing", async () => {
    const { space, people } = await community({ roles: ["steward", "member", "member", "auditor"] });
    const [steward, ...others] = people;
    const decision = await openVote(space.slug, steward!);
    await runDueJobs(url());

    for (const person of others) {
      const inbox = await inboxOf(person.id);
      expect(inbox).toHaveLength(1);
      expect(inbox[0]).toMatchObject({ kind: "decision_opened", path: `/s/${space.slug}/decisions/${decision.id}`, mail: "sent", readAt: null });
      const mails = mailsTo(person.email!);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.subject).toBe(`Vote open in ${space.name}: Adopt the code of conduct`);
      expect(mail.text).toContain(`/s/${space.slug}/decisions/${decision.id}`);
      expect(mail.html).toContain(`href="http://localhost:3000/s/${space.slug}/decisions/${decision.id}"`);
      expect(headerLine(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      const listUnsubscribe = headerLine(mail, "list-unsubscribe") ?? "";
      expect(listUnsubscribe).toMatch(/^List-Unsubscribe:\s*<http:\/\/localhost:3000\/api\/v1\/unsubscribe\?token=[^>]+>$/);
      const token = decodeURIComponent(/token=([^>\s]+)/.exec(listUnsubscribe)![1]!);
      expect(verifyUnsubscribe(token)).toEqual({ userId: person.id, kind: "decision_opened" });
    }
    expect(await inboxOf(steward!.id)).toEqual([]);
    expect(mailsTo(steward!.email!)).toEqual([]);

    // The fan-out run again (a retry after a crash) finds every row written and sends nothing more.
    const event = await db.governanceEvent.findFirstOrThrow({ where: { spaceId: space.id, type: "decision.opened" } });
    expect(await fanOut(String(event.id))).toBe(0);
    await runDueJobs(url());
    expect(smtp.received.filter((m) => others.some((p) => p.email === m.to))).toHaveLength(others.length);
  });

  it("follows preferences: off hears nothing, inbox only gets no e-mail, a daily digest gathers the entry", async () => {
    const { space, people } = await community({ roles: ["steward", "member", "member", "member"] });
    const [steward, off, inboxOnly, daily] = people;
    await savePreferences({ userId: off!.id, channels: { decision_opened: "off" }, now: new Date() });
    await savePreferences({ userId: inboxOnly!.id, channels: { decision_opened: "in_app" }, now: new Date() });
    await savePreferences({ userId: daily!.id, channels: { decision_opened: "daily" }, now: new Date() });
    await openVote(space.slug, steward!);
    await runDueJobs(url());

    expect(await inboxOf(off!.id)).toEqual([]);
    expect((await inboxOf(inboxOnly!.id)).map((n) => n.mail)).toEqual(["none"]);
    expect((await inboxOf(daily!.id)).map((n) => [n.mail, n.digest])).toEqual([["digest", "daily"]]);
    expect(smtp.received).toEqual([]);

    expect(await sendDigests("daily")).toBeGreaterThanOrEqual(1);
    const digest = mailsTo(daily!.email!);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toMatch(/^Your daily Commonweights digest: 1 update$/);
    expect((await inboxOf(daily!.id)).map((n) => n.mail)).toEqual(["sent"]);
    smtp.received.length = 0;
    await sendDigests("daily");
    expect(mailsTo(daily!.email!)).toEqual([]);
  });

  it("a member who mutes the space hears nothing; a non-member watching a public space hears it", async () => {
    const { space, people } = await community({ roles: ["steward", "member"] });
    const [steward, muted] = people;
    const stranger = await createUser();
    await saveWatch({ userId: muted!.id, spaceId: space.id, itemId: "", watching: false, now: new Date() });
    await saveWatch({ userId: stranger.id, spaceId: space.id, itemId: "", watching: true, now: new Date() });
    await openVote(space.slug, steward!);
    await runDueJobs(url());
    expect(await inboxOf(muted!.id)).toEqual([]);
    expect(await inboxOf(stranger.id)).toHaveLength(1);
    expect(mailsTo(stranger.email!)).toHaveLength(1);
  });
});

describe("visibility holds", () => {
  it("a non-member who once watched a private space hears nothing, by inbox or mail", async () => {
    const { space, people } = await community({ roles: ["steward", "member"] });
    await db.space.update({ where: { id: space.id }, data: { visibility: "private" } });
    const outsider = await createUser();
    await saveWatch({ userId: outsider.id, spaceId: space.id, itemId: "", watching: true, now: new Date() });
    await openVote(space.slug, people[0]!);
    await runDueJobs(url());
    expect(await inboxOf(outsider.id)).toEqual([]);
    expect(mailsTo(outsider.email!)).toEqual([]);
    expect(mailsTo(people[1]!.email!)).toHaveLength(1);
  });

  it("someone who leaves between the fan-out and the e-mail gets no e-mail, and their inbox no longer shows it", async () => {
    const { space, people } = await community({ roles: ["steward", "member", "member"] });
    await db.space.update({ where: { id: space.id }, data: { visibility: "private" } });
    const [steward, leaver, stayer] = people;
    await openVote(space.slug, steward!);
    const event = await db.governanceEvent.findFirstOrThrow({ where: { spaceId: space.id, type: "decision.opened" } });
    expect(await fanOut(String(event.id))).toBe(2);
    await db.membership.deleteMany({ where: { spaceId: space.id, userId: leaver!.id } });
    await runDueJobs(url());
    expect(mailsTo(leaver!.email!)).toEqual([]);
    expect((await inboxOf(leaver!.id)).map((n) => n.mail)).toEqual(["skipped"]);
    expect(mailsTo(stayer!.email!)).toHaveLength(1);
    const { listInbox, countUnread } = await import("@/lib/notifications/data");
    expect(await listInbox(leaver!.id)).toEqual([]);
    expect(await countUnread(leaver!.id)).toBe(0);
    expect(await countUnread(stayer!.id)).toBe(1);
  });
});
