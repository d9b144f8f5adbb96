// The webhooks.deliver job: one attempt of one delivery, signed per Standard Webhooks (webhook-id, -timestamp,
// -signature v1). The target is checked again before sending, and the connection goes through the guarded lookup.
import "server-only";
import { Webhook } from "standardwebhooks";
import { webhookEnv } from "@/lib/env";
import { recordedEvent } from "@/lib/webhooks/data";
import { claimAttempt, finishAttempt, type AttemptAnswer } from "@/lib/webhooks/delivery/mutations";
import { postWebhook } from "@/lib/webhooks/http-post";
import { attemptOutcome, retryDelayMs, webhookPayload } from "@/lib/webhooks/rules";
import { parseAllowlist, targetRefusal } from "@/lib/webhooks/ssrf";

/** Where links in a payload point: the app's public address. */
export function publicOrigin(env: ReturnType<typeof webhookEnv>): string {
  return env.AUTH_URL ? new URL(env.AUTH_URL).origin : `http://localhost:${env.PORT}`;
}

export async function deliverAttempt(args: { deliveryId: string; attempt: number }): Promise<void> {
  const env = webhookEnv();
  // Longer than any attempt can take: only a worker that died mid-request lets its successor run.
  const leaseMs = env.CW_WEBHOOK_TIMEOUT_MS + 5_000;
  const claim = await claimAttempt({ ...args, leaseMs });
  if (!claim) return;
  const allow = parseAllowlist(env.CW_WEBHOOK_ALLOW_HOSTS);
  const event = await recordedEvent(claim.eventRowId);
  let answer: AttemptAnswer;
  const refused = event ? await targetRefusal(claim.url, allow) : "The event is no longer in the record.";
  if (refused || !event) {
    answer = { status: null, body: null, error: refused };
  } else {
    const body = JSON.stringify(webhookPayload(event, publicOrigin(env)));
    const timestamp = new Date();
    const signature = new Webhook(claim.secret).sign(args.deliveryId, timestamp, body);
    const result = await postWebhook({
      url: claim.url,
      body,
      timeoutMs: env.CW_WEBHOOK_TIMEOUT_MS,
      allow,
      headers: {
        "content-type": "application/json",
        "user-agent": "Commonweights-Webhooks/1",
        "webhook-id": args.deliveryId,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
    });
    answer = result.status === null ? { status: null, body: null, error: result.error } : { status: result.status, body: result.body, error: result.status >= 300 ? `The receiver answered ${result.status}.` : null };
  }
  const outcome = attemptOutcome(answer.status, claim.attemptInSeries);
  const retryAt = new Date(Date.now() + retryDelayMs(claim.attemptInSeries, Math.random(), env.CW_WEBHOOK_RETRY_BASE_MS));
  await finishAttempt({ ...args, answer, outcome, retryAt });
}
