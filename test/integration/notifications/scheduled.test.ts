// The timed jobs of a decision: enqueued with its opening (keys per decision), the deadline closing it through
// the same code as close-on-first-read (idempotently), and the reminder reaching only those who have not voted.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeAtDeadline } from "@/lib/decisions/deadline-job";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { decisionDetail } from "@/lib/decisions/use-cases/decision-detail";
import { remindVoters } from "@/lib/notifications/fan-out";
import { runDueJobs } from "@/lib/worker/runner";
import { community, input, opened } from "@/test/integration/decisions/support";
import { withMailServer } from "@/test/integration/notifications/mail-server";

const url = () => process.env.DATABASE_URL!;
const smtp = withMailServer({ clearEach: false });

async function jobsOf(decisionId: string) {
  return db.$queryRaw<Array<{ key: string; run_at: Date }>>`
    SELECT key, run_at FROM graphile_worker._private_jobs WHERE key IN (${`decision-deadline:${decisionId}`}, ${`decision-reminder:${decisionId}`}) ORDER BY key`;
}

describe("a decision's timed jobs", () => {
  it("are enqueued with the opening: the deadline at closesAt, the reminder 24 hours before", async () => {
    const { space, people } = await community({ roles: ["steward", "member"] });
    const decision = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 72 })));
    const row = await db.decision.findUniqueOrThrow({ where: { id: decision.id } });
    const jobs = await jobsOf(decision.id);
    expect(jobs.map((j) => j.key)).toEqual([`decision-deadline:${decision.id}`, `decision-reminder:${decision.id}`]);
    expect(jobs[0]!.run_at.getTime()).toBe(row.closesAt.getTime());
    expect(jobs[1]!.run_at.getTime()).toBe(row.closesAt.getTime() - 24 * 3600 * 1000);
  });

  it("schedules no reminder for a vote shorter than 24 hours", async () => {
    const { space, people } = await community({ roles: ["steward", "member"] });
    const decision = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 12 })));
    expect((await jobsOf(decision.id)).map((j) => j.key)).toEqual([`decision-deadline:${decision.id}`]);
  });

  it("the deadline job closes the decision once, with its record event; close-on-read then finds it closed", async () => {
    const { space, people } = await community({ roles: ["steward", "member"] });
    const decision = await opened(await openDecision(people[0]!, input(space.slug, { kind: "policy", hours: 1 })));
    const early = await closeAtDeadline(decision.id);
    expect(early).toBe("rescheduled");
    expect((await db.decision.findUniqueOrThrow({ where: { id: decision.id } })).status).toBe("open");
    const later = new Date(Date.now() + 2 * 3600 * 1000);
    expect(await closeAtDeadline(decision.id, later)).toBe("closed");
    expect(await closeAtDeadline(decision.id, later)).toBe("not-open");
    const view = await decisionDetail(people[0]!, decision.id, later);
    expect(view.status).toBe("closed");
    const closes = await db.governanceEvent.findMany({ where: { spaceId: space.id, type: "decision.closed" } });
    expect(closes).toHaveLength(1);
    expect(closes[0]!.actorId).toBeNull();
    expect((closes[0]!.data as { closedBy: string }).closedBy).toBe("deadline");
  });

  it("the reminder reaches eligible voters who have not voted, once, and not someone who voted meanwhile", async () => {
    const { space, people } = await community({ roles: ["steward", "member", "member", "member"] });
    const [steward, voted, silent, votesLate] = people;
    const decision = await opened(await openDecision(steward!, input(space.slug, { kind: "policy", hours: 48 })));
    await runDueJobs(url());
    smtp.received.length = 0;
    expect((await castBallot(voted!, { decisionId: decision.id, choice: "yes" })).ok).toBe(true);

    expect(await remindVoters(decision.id)).toBe(3); // steward, silent and votesLate have not voted
    expect(await remindVoters(decision.id)).toBe(0);
    // votesLate votes after the reminder was written, before its e-mail goes: the e-mail is not sent.
    expect((await castBallot(votesLate!, { decisionId: decision.id, choice: "no" })).ok).toBe(true);
    await runDueJobs(url());

    const reminders = await db.notification.findMany({ where: { spaceId: space.id, kind: "decision_reminder" } });
    expect(reminders.map((r) => r.userId).sort()).toEqual([steward!.id, silent!.id, votesLate!.id].sort());
    expect(reminders.find((r) => r.userId === votesLate!.id)!.mail).toBe("skipped");
    expect(smtp.received.map((m) => m.to).sort()).toEqual([steward!.email!, silent!.email!].sort());
    expect(smtp.received[0]!.subject).toMatch(/^Closes in 24 hours and you have not voted: /);
  });
});
