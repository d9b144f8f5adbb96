"use server";
// Server actions for spaces and their charter. Each parses its input, and the use case authorizes through lib/policy.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { amendCharterInput } from "@/lib/charter/schema-input";
import { createSpaceInput, updateSpaceInput } from "@/lib/spaces/schema";
import { amendCharter } from "@/lib/spaces/use-cases/amend-charter";
import { createSpace } from "@/lib/spaces/use-cases/create-space";
import { updateSpace } from "@/lib/spaces/use-cases/update-space";

export const createSpaceAction = defineAction(createSpaceInput, async (input, actor) => {
  const result = await createSpace(actor, input);
  if (result.ok) revalidatePath("/");
  return result;
});

export const updateSpaceAction = defineAction(updateSpaceInput, async (input, actor) => {
  const result = await updateSpace(actor, input);
  if (result.ok) revalidatePath(`/s/${input.spaceSlug}`, "layout");
  return result;
});

export const amendCharterAction = defineAction(amendCharterInput, async (input, actor) => {
  const result = await amendCharter(actor, input);
  if (result.ok) revalidatePath(`/s/${input.spaceSlug}`, "layout");
  return result;
});
