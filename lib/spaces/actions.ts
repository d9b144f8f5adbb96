"use server";
// Server actions for spaces. Each parses its input, and the use case authorizes through lib/policy.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { createSpaceInput, updateSpaceInput } from "@/lib/spaces/schema";
import { createSpace, updateSpace } from "@/lib/spaces/use-cases";

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
