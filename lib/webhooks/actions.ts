"use server";
// Server actions for webhooks; the use cases authorize each through lib/policy.ts ("webhook.manage").
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import type { Result } from "@/lib/result";
import { createWebhookInput, redeliverInput, updateWebhookInput, webhookRefInput } from "@/lib/webhooks/schema";
import { createWebhook } from "@/lib/webhooks/use-cases/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/use-cases/delete-webhook";
import { redeliverWebhook } from "@/lib/webhooks/use-cases/redeliver-webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/use-cases/rotate-webhook-secret";
import { updateWebhook } from "@/lib/webhooks/use-cases/update-webhook";

function refresh<T>(result: Result<T>, spaceSlug: string): Result<T> {
  if (result.ok) revalidatePath(`/s/${spaceSlug}/settings/webhooks`);
  return result;
}

export const createWebhookAction = defineAction(createWebhookInput, async (input, actor) => refresh(await createWebhook(actor, input), input.spaceSlug));
export const updateWebhookAction = defineAction(updateWebhookInput, async (input, actor) => refresh(await updateWebhook(actor, input), input.spaceSlug));
export const deleteWebhookAction = defineAction(webhookRefInput, async (input, actor) => refresh(await deleteWebhook(actor, input), input.spaceSlug));
export const rotateWebhookSecretAction = defineAction(webhookRefInput, async (input, actor) => refresh(await rotateWebhookSecret(actor, input), input.spaceSlug));
export const redeliverWebhookAction = defineAction(redeliverInput, async (input, actor) => refresh(await redeliverWebhook(actor, input), input.spaceSlug));
