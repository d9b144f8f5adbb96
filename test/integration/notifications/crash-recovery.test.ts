// A worker process killed in the middle of delivering e-mails: after the restart (stale locks freed, the queue
// run again) every recipient has exactly one inbox entry and received exactly one e-mail.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";
import { closeMailTransports } from "@/lib/mail/transport";
import { runDueJobs, unlockStaleJobs } from "@/lib/worker/runner";
import { community, input, opened } from "@/test/integration/decisions/support";
import { startSmtpServer } from "@/test/support/smtp";

const url = () => process.env.DATABASE_URL!;
const KILL_AT = 4;
let child: ChildProcess | undefined;
let exited: Promise<void>;
let childErrors = "";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  // Jobs other test files left (their fan-outs, deadlines) would send mail here too: this file starts with none.
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
  // The 4th message reaches the server; before the server accepts it, the worker sending it is killed.
  // That message was never accepted (no 250 reply), as when a worker dies mid-delivery.
  smtp = await startSmtpServer({
    onMessage: async (count) => {
      if (count !== KILL_AT) return true;
      child?.kill("SIGKILL");
      await exited;
      return false;
    },
  });
});
afterAll(async () => {
  child?.kill("SIGKILL");
  closeMailTransports();
  delete process.env.SMTP_URL;
  await smtp.close();
});

function startWorker() {
  // node itself, not an npx wrapper: the kill must reach the process that holds the jobs.
  child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/integration/notifications/worker-child.ts"], {
    env: { ...process.env, DATABASE_URL: url(), SMTP_URL: smtp.url, CW_SMTP_CONNECTIONS: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: false,
  });
  childErrors = "";
  child.stderr?.on("data", (chunk: Buffer) => void (childErrors += chunk.toString()));
  exited = new Promise((resolve) => child!.once("exit", () => resolve()));
}

async function lockedJobs() {
  const rows = await db.$queryRaw<Array<{ locked_by: string | null; task: string; attempts: number; last_error: string | null }>>`SELECT j.locked_by, t.identifier AS task, j.attempts, j.last_error FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE locked_by IS NOT NULL`;
  return rows.map((r) => `${r.task} ${r.attempts} ${r.last_error} ${r.locked_by}`);
}

describe("a worker killed mid-delivery", () => {
  it("delivers every notification exactly once per recipient after the restart", { timeout: 120_000 }, async () => {
    const { space, people } = await community({ roles: ["steward", "member", "member", "member", "member", "member", "member", "member", "member"] });
    const [steward, ...members] = people;
    startWorker();
    const decision = await opened(await openDecision(steward!, input(space.slug, { kind: "policy", title: "Crash test", hours: 48 })));
    await exited;
    expect(child!.signalCode, `the worker exited on its own: ${childErrors}`).toBe("SIGKILL");

    // Killed holding its job: graphile-worker alone would leave it locked for 4 hours.
    expect((await lockedJobs()).length).toBeGreaterThan(0);
    const sentBefore = smtp.received.length;
    expect(sentBefore).toBe(KILL_AT - 1);

    // The restart: free the dead worker's locks (what startJobRunner does at start), then run the queue.
    const freed = await unlockStaleJobs(url(), 0);
    expect(freed.length).toBeGreaterThan(0);
    process.env.SMTP_URL = smtp.url;
    await runDueJobs(url());
    expect(await lockedJobs()).toEqual([]);

    const inbox = await db.notification.findMany({ where: { spaceId: space.id } });
    expect(inbox.map((n) => n.userId).sort()).toEqual(members.map((m) => m.id).sort());
    expect(inbox.every((n) => n.mail === "sent" && n.path.endsWith(decision.id))).toBe(true);
    const recipients = smtp.received.map((m) => m.to).sort();
    expect(recipients).toEqual(members.map((m) => m.email!).sort());
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(members.length);
  });
});
