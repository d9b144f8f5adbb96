// Webhooks end to end against a real Postgres, real jobs and a real HTTP receiver on 127.0.0.1 that checks every
// signature with the standardwebhooks library: delivery, retries, 410, redelivery, a killed worker, filters and spaces.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createInvitation } from "@/lib/members/use-cases/create-invitation";
import { createWebhookInput } from "@/lib/webhooks/schema";
import { createWebhook } from "@/lib/webhooks/use-cases/create-webhook";
import { redeliverWebhook } from "@/lib/webhooks/use-cases/redeliver-webhook";
import { updateWebhook } from "@/lib/webhooks/use-cases/update-webhook";
import { webhookDeliveries } from "@/lib/webhooks/use-cases/list-webhooks";
import { eventsFor } from "@/test/support/factories";
import { actorOf, spaceWith } from "@/test/integration/spaces/members-support";
import { runJobsUntil, sleep, startReceiver } from "@/test/integration/webhooks/support";

let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  // The receiver is on loopback: the tests allow exactly that address, as an operator would.
  process.env.CW_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
  process.env.CW_WEBHOOK_RETRY_BASE_MS = "50";
  process.env.CW_WEBHOOK_TIMEOUT_MS = "1000";
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async () => {
  receiver.received.length = 0;
  process.env.CW_WEBHOOK_RETRY_BASE_MS = "50";
  await db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

/** A space whose owner registers an endpoint for member.invited events, and a way to make one such event. */
async function spaceWithWebhook(eventTypes: string[] = ["member.invited"]) {
  const { space, owner, others } = await spaceWith({ members: ["member"] });
  const actor = actorOf(owner);
  const created = await createWebhook(actor, createWebhookInput.parse({ spaceSlug: space.slug, url: receiver.url, eventTypes }));
  if (!created.ok) throw new Error(created.error.message);
  receiver.useSecret(created.data.secret);
  const invite = async () => {
    const result = await createInvitation(actor, { spaceSlug: space.slug, role: "member", expiresInDays: 7 });
    if (!result.ok) throw new Error(result.error.message);
  };
  const log = async () => {
    const result = await webhookDeliveries(actor, { spaceSlug: space.slug, webhookId: created.data.id });
    if (!result.ok) throw new Error(result.error.message);
    return result.data.deliveries;
  };
  return { space, actor, member: others[0]!, webhook: created.data, invite, log };
}

const fanOutJobs = async () =>
  (await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'webhooks.fan-out'`)[0]!.n;

describe("webhook deliveries", () => {
  it("posts the catalog event, signed so that standardwebhooks verifies it, and logs the delivery", async () => {
    const { space, webhook, invite, log } = await spaceWithWebhook();
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await invite();
    await runJobsUntil(() => receiver.received.length === 1);
    const [got] = receiver.received;
    expect(got!.verified).toBe(true);
    expect(got!.body).toMatchObject({ type: "member.invited", typeVersion: 1, space: space.slug, subject: { spaceId: space.id }, data: { role: "member" } });
    expect((got!.body.links as Record<string, string>).subject).toMatch(new RegExp(`/s/${space.slug}`));
    await runJobsUntil(async () => (await log())[0]?.status === "delivered");
    const [entry] = await log();
    expect(entry).toMatchObject({ id: got!.id, eventType: "member.invited", status: "delivered", attempts: 1, responseStatus: 200, responseBody: "ok", nextAttemptAt: null });
    // The record names the endpoint's host, never its URL or secret.
    const [created] = await eventsFor({ spaceId: space.id, type: "webhook.created" });
    expect(created!.data).toEqual({ host: new URL(receiver.url).host, description: "", eventTypes: ["member.invited"], enabled: true });
    const recorded = JSON.stringify(await eventsFor({ spaceId: space.id }), (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
    expect(recorded).not.toContain(webhook.secret.slice(6));
    expect(recorded).not.toContain(receiver.url);
  });

  it("retries after a 500 with the same webhook-id, keeping a truncated answer in the log meanwhile", async () => {
    const { invite, log } = await spaceWithWebhook();
    // Long enough a wait that the test sees the delivery between its two attempts.
    process.env.CW_WEBHOOK_RETRY_BASE_MS = "1500";
    receiver.answer(500);
    await invite();
    await runJobsUntil(async () => (await log())[0]?.responseStatus === 500);
    const [failed] = await log();
    expect(failed).toMatchObject({ status: "pending", responseStatus: 500, lastError: "The receiver answered 500." });
    expect(failed!.responseBody!.length).toBeLessThan(1100);
    expect(failed!.responseBody).toMatch(/more characters\)$/);
    expect(Date.parse(failed!.nextAttemptAt!)).toBeGreaterThan(Date.parse(failed!.lastAttemptAt!));
    await runJobsUntil(async () => (await log())[0]?.status === "delivered");
    expect(receiver.received.map((r) => r.id)).toEqual([failed!.id, failed!.id]);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    expect((await log())[0]).toMatchObject({ attempts: 2, responseStatus: 200, lastError: null });
  });

  it("disables the endpoint on 410 Gone, records it, and delivers nothing more", async () => {
    const { space, webhook, invite, log } = await spaceWithWebhook();
    receiver.answer(410);
    await invite();
    await runJobsUntil(async () => (await log())[0]?.status === "failed");
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: "gone" });
    const [disabled] = await eventsFor({ spaceId: space.id, type: "webhook.disabled" });
    expect(disabled).toMatchObject({ actorId: null, via: "system", subject: { spaceId: space.id, webhookId: webhook.id }, data: { reason: "gone", status: 410 } });
    await invite();
    expect(await fanOutJobs()).toBe(0n);
    await sleep(200);
    await runJobsUntil(() => true);
    expect(receiver.received).toHaveLength(1);
  });

  it("redelivers with the same webhook-id, once however often it is asked", async () => {
    const { space, actor, webhook, invite, log } = await spaceWithWebhook();
    await invite();
    await runJobsUntil(async () => (await log())[0]?.status === "delivered");
    const [first] = await log();
    const ask = () => redeliverWebhook(actor, { spaceSlug: space.slug, webhookId: webhook.id, deliveryId: first!.id });
    expect((await ask()).ok).toBe(true);
    expect((await ask()).ok).toBe(true);
    await runJobsUntil(async () => (await log())[0]?.status === "delivered" && receiver.received.length >= 2);
    await sleep(200);
    await runJobsUntil(() => true);
    expect(receiver.received.map((r) => r.id)).toEqual([first!.id, first!.id]);
    expect((await log())[0]).toMatchObject({ status: "delivered", attempts: 2 });
    expect(await eventsFor({ spaceId: space.id, type: "webhook.redelivery_requested" })).toHaveLength(2);
  });

  it("loses nothing when a worker is killed in the middle of a delivery: the next worker posts it again, same id", async () => {
    const { invite, log } = await spaceWithWebhook();
    const worker = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "test/integration/webhooks/worker-child.ts"], {
      env: { ...process.env },
      stdio: "ignore",
    });
    const killed = new Promise<string>((resolve) => {
      receiver.intercept((request) => {
        // The request has reached the receiver: the worker dies before it hears an answer.
        worker.kill("SIGKILL");
        receiver.intercept(null);
        resolve(String(request.headers["webhook-id"]));
        return true;
      });
    });
    await invite();
    const firstId = await killed;
    await new Promise((resolve) => worker.once("exit", resolve));
    expect(receiver.received).toHaveLength(0);
    expect((await log())[0]).toMatchObject({ status: "pending", attempts: 1 });
    // The attempt's lease (timeout + 5 s) runs out; then any worker takes the delivery up again.
    await runJobsUntil(async () => (await log())[0]?.status === "delivered", 20_000);
    expect(receiver.received.map((r) => r.id)).toEqual([firstId]);
    expect(receiver.received[0]!.verified).toBe(true);
    expect((await log())[0]).toMatchObject({ id: firstId, attempts: 2 });
  }, 40_000);

  it("delivers only the types the filter names, and queues nothing for the others", async () => {
    const { space, actor, invite, log } = await spaceWithWebhook(["release.approved"]);
    await invite();
    expect(await fanOutJobs()).toBe(0n);
    await runJobsUntil(() => true);
    expect(await log()).toEqual([]);
    expect(receiver.received).toEqual([]);
    void space;
    void actor;
  });

  it("carries only its own space's events", async () => {
    const mine = await spaceWithWebhook();
    const other = await spaceWith();
    await createInvitation(actorOf(other.owner), { spaceSlug: other.space.slug, role: "member", expiresInDays: 7 });
    expect(await fanOutJobs()).toBe(0n);
    await mine.invite();
    await runJobsUntil(() => receiver.received.length === 1);
    await sleep(200);
    await runJobsUntil(() => true);
    expect(receiver.received.map((r) => (r.body.subject as { spaceId: string }).spaceId)).toEqual([mine.space.id]);
  });

  it("stops a pending retry once the endpoint is turned off", async () => {
    const { space, actor, webhook, invite, log } = await spaceWithWebhook();
    process.env.CW_WEBHOOK_RETRY_BASE_MS = "1500";
    receiver.answer(500);
    await invite();
    await runJobsUntil(async () => (await log())[0]?.responseStatus === 500);
    const off = await updateWebhook(actor, { spaceSlug: space.slug, webhookId: webhook.id, enabled: false });
    expect(off.ok).toBe(true);
    await runJobsUntil(async () => (await log())[0]?.status === "cancelled");
    expect(receiver.received).toHaveLength(1);
    const [updated] = await eventsFor({ spaceId: space.id, type: "webhook.updated" });
    expect(updated!.data).toMatchObject({ enabled: false, changed: ["enabled"] });
  });
});
