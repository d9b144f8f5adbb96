"use server";
// Server actions for the inbox, notification settings, watches and the unsubscribe page; the use cases
// authorize each through lib/policy.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { markReadInput, setWatchInput, unsubscribeInput, updatePreferencesInput } from "@/lib/notifications/schema";
import { markRead } from "@/lib/notifications/use-cases/mark-read";
import { updatePreferences } from "@/lib/notifications/use-cases/preferences";
import { setWatch } from "@/lib/notifications/use-cases/set-watch";
import { unsubscribe } from "@/lib/notifications/use-cases/unsubscribe";

export const markReadAction = defineAction(markReadInput, async (input, actor) => {
  const result = await markRead(actor, input);
  if (result.ok) revalidatePath("/inbox");
  return result;
});

export const updatePreferencesAction = defineAction(updatePreferencesInput, async (input, actor) => {
  const result = await updatePreferences(actor, input);
  if (result.ok) revalidatePath("/settings/notifications");
  return result;
});

export const setWatchAction = defineAction(setWatchInput, async (input, actor) => {
  const result = await setWatch(actor, input);
  if (result.ok) revalidatePath(`/s/${input.spaceSlug}`, "layout");
  return result;
});

// The page behind the e-mail's "stop these e-mails" link: the same use case as the one-click POST.
export const unsubscribeAction = defineAction(unsubscribeInput, async (input) => unsubscribe(input));
