"use server";
// Server actions for releases; the use cases authorize each through lib/policy.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { fail, ok, type Result } from "@/lib/result";
import { parseModelCard } from "@/lib/releases/model-card";
import { prefillFromCard, type ReleasePrefill } from "@/lib/releases/prefill";
import { createReleaseInput, parseModelCardInput, transitionReleaseInput, updateReleaseInput } from "@/lib/releases/schema";
import { editRelease } from "@/lib/releases/use-cases/edit-release";
import { transitionRelease } from "@/lib/releases/use-cases/transition-release";
import { proposeRelease } from "@/lib/releases/use-cases/propose-release";

function refresh<T extends { spaceSlug: string }>(result: Result<T>): Result<T> {
  if (result.ok) revalidatePath(`/s/${result.data.spaceSlug}/releases`, "layout");
  return result;
}

export const proposeReleaseAction = defineAction(createReleaseInput, async (input, actor) => refresh(await proposeRelease(actor, input)));

export const editReleaseAction = defineAction(updateReleaseInput, async (input, actor) => refresh(await editRelease(actor, input)));

export const transitionReleaseAction = defineAction(transitionReleaseInput, async (input, actor) => refresh(await transitionRelease(actor, input)));

/** Reads a pasted model card; writes nothing, so it needs no authorization beyond being a server action. */
export const prefillFromCardAction = defineAction(parseModelCardInput, async (input): Promise<Result<ReleasePrefill>> => {
  const parsed = parseModelCard(input.markdown);
  if (!parsed.ok) return fail(parsed.code, parsed.message, "invalid", { markdown: [parsed.message] });
  return ok(prefillFromCard(parsed.value));
});
