"use server";
// Server actions for a person's own account (Settings).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { updateDisplayNameInput } from "@/lib/users/schema";
import { updateDisplayName } from "@/lib/users/use-cases/update-display-name";

export const updateDisplayNameAction = defineAction(updateDisplayNameInput, async (input, actor) => {
  const result = await updateDisplayName(actor, { ...input, userId: actor?.id ?? "" });
  // Names show on every page (headers, member lists, histories).
  if (result.ok && result.data.changed) revalidatePath("/", "layout");
  return result;
});
