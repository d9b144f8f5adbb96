// Notifications at scale: 10,000 members of one space (all watching it by default), a steward opens a decision;
// time until every in-app notification exists and every e-mail has reached a local SMTP server (smtp-server,
// in this process). The workers run here too, as an app instance's would: graphile-worker on the same database.
// `npm run bench -- notify` (BENCH_MEMBERS to change N, BENCH_JOB_CONCURRENCY the jobs at once).
import { performance } from "node:perf_hooks";
import { Logger, run } from "graphile-worker";
import pg from "pg";
import { cleanups, freshDatabase, log, runCleanups } from "./history";
import { defaultCharter } from "../lib/charter/rules";
import { startSmtpServer } from "../test/support/smtp";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_JOB_CONCURRENCY ?? 16);

async function main() {
  const url = await freshDatabase();
  const smtp = await startSmtpServer({ parse: false });
  cleanups.unshift(() => smtp.close());
  process.env.SMTP_URL = smtp.url;
  process.env.CW_SMTP_CONNECTIONS = process.env.CW_SMTP_CONNECTIONS ?? String(Math.min(CONCURRENCY, 20));

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.unshift(() => client.end());
  const charter = defaultCharter();
  await client.query(`INSERT INTO users (id, name, email) SELECT 'u' || i, 'Member ' || i, 'member' || i || '@bench.test' FROM generate_series(0, $1::int) i`, [MEMBERS]);
  await client.query(`INSERT INTO spaces (id, slug, name, updated_at) VALUES ('s1', 'bench', 'Bench', now())`);
  await client.query(`INSERT INTO memberships (id, space_id, user_id, role) SELECT 'm' || i, 's1', 'u' || i, CASE WHEN i = 0 THEN 'steward'::"Role" ELSE 'member'::"Role" END FROM generate_series(0, $1::int) i`, [MEMBERS]);
  await client.query(`INSERT INTO charter_versions (id, space_id, version, charter, reason) VALUES ('c1', 's1', 1, $1, 'bench')`, [JSON.stringify(charter)]);
  log(`${MEMBERS.toLocaleString("en")} members (and one steward) in one space; workers: ${CONCURRENCY} jobs at once; SMTP: ${smtp.url}`);

  // Imported after DATABASE_URL points at the scratch database.
  const { openDecision } = await import("../lib/decisions/use-cases/open-decision");
  const { openDecisionInput } = await import("../lib/decisions/schema");
  const { taskList } = await import("../lib/worker/runner");
  const { closeMailTransports } = await import("../lib/mail/transport");
  cleanups.unshift(async () => closeMailTransports());
  const quiet = new Logger(() => (level, message) => void (level === "error" ? console.error(message) : undefined));
  const runner = await run({ connectionString: url, concurrency: CONCURRENCY, maxPoolSize: CONCURRENCY + 2, pollInterval: 500, noHandleSignals: true, taskList: taskList(), logger: quiet });
  cleanups.unshift(() => runner.stop());

  const started = performance.now();
  const opened = await openDecision({ id: "u0", name: "Steward", email: "member0@bench.test" }, openDecisionInput.parse({ spaceSlug: "bench", title: "Adopt the code of conduct", question: "Should we?", kind: "policy", hours: 72 }));
  if (!opened.ok) throw new Error(opened.error.message);
  const openedAt = performance.now();
  let inboxAt = 0;
  let mailAt = 0;
  let lastLog = 0;
  const deadline = started + 15 * 60_000;
  while (performance.now() < deadline) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE space_id = 's1'`);
    const inbox = rows[0]!.n;
    if (!inboxAt && inbox >= MEMBERS) inboxAt = performance.now();
    if (!mailAt && smtp.received.length >= MEMBERS) mailAt = performance.now();
    if (inboxAt && mailAt) break;
    if (performance.now() - lastLog > 5000) {
      lastLog = performance.now();
      log(`  ${((performance.now() - started) / 1000).toFixed(1)} s: ${inbox} inbox entries, ${smtp.received.length} e-mails received`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!inboxAt || !mailAt) throw new Error(`not done after 15 minutes: ${smtp.received.length} e-mails`);
  // Let anything late arrive, then check that nobody got two.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const recipients = new Set(smtp.received.map((m) => m.to));
  const { rows: states } = await client.query<{ mail: string; n: number }>(`SELECT mail, count(*)::int AS n FROM notifications GROUP BY mail`);
  const seconds = (t: number) => ((t - started) / 1000).toFixed(2);
  log(`opening the decision (one transaction, with its fan-out job): ${((openedAt - started) / 1000).toFixed(2)} s`);
  log(`every in-app notification written: ${seconds(inboxAt)} s after the open began (${Math.round(MEMBERS / ((inboxAt - started) / 1000)).toLocaleString("en")} /s)`);
  log(`every e-mail received by the SMTP server: ${seconds(mailAt)} s (${Math.round(MEMBERS / ((mailAt - started) / 1000)).toLocaleString("en")} e-mails/s)`);
  log(`e-mails received: ${smtp.received.length}, distinct recipients: ${recipients.size}; the steward who opened it: ${recipients.has("member0@bench.test") ? "mailed (wrong)" : "not mailed"}`);
  log(`notification mail states: ${states.map((s) => `${s.mail} ${s.n}`).join(", ")}`);
  if (smtp.received.length !== MEMBERS || recipients.size !== MEMBERS) throw new Error("duplicate or missing e-mails");
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(runCleanups);
