// The registration-time check of a webhook's target (delivery checks again, and connects only to checked addresses).
import "server-only";
import { webhookEnv } from "@/lib/env";
import { fail, type Result } from "@/lib/result";
import { parseAllowlist, targetRefusal } from "@/lib/webhooks/ssrf";

export async function refuseTarget(url: string): Promise<Result<never> | null> {
  const refusal = await targetRefusal(url, parseAllowlist(webhookEnv().CW_WEBHOOK_ALLOW_HOSTS));
  return refusal ? fail("WEBHOOK_TARGET_REFUSED", refusal, "rule", { url: [refusal] }) : null;
}
