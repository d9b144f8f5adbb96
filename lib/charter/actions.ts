"use server";
// Server action for charter amendments; the use case authorizes through lib/policy.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { amendCharterInput } from "@/lib/charter/schema-input";
import { amendCharter } from "@/lib/charter/use-cases";

export const amendCharterAction = defineAction(amendCharterInput, async (input, actor) => {
  const result = await amendCharter(actor, input);
  if (result.ok) revalidatePath(`/s/${input.spaceSlug}`, "layout");
  return result;
});
