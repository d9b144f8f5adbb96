"use server";
// Server actions for decisions; the use cases authorize each through lib/policy.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { cancelDecisionInput, castBallotInput, closeDecisionInput, openDecisionInput } from "@/lib/decisions/schema";
import { cancelDecision } from "@/lib/decisions/use-cases/cancel-decision";
import { castBallot } from "@/lib/decisions/use-cases/cast-ballot";
import { closeDecision } from "@/lib/decisions/use-cases/close-decision";
import { openDecision } from "@/lib/decisions/use-cases/open-decision";

export const openDecisionAction = defineAction(openDecisionInput, async (input, actor) => {
  const result = await openDecision(actor, input);
  if (result.ok) revalidatePath(`/s/${input.spaceSlug}`, "layout");
  return result;
});

// No revalidatePath on the ballot path: the decision page refreshes its tally through the JSON API.
export const castBallotAction = defineAction(castBallotInput, async (input, actor) => castBallot(actor, input));

export const closeDecisionAction = defineAction(closeDecisionInput, async (input, actor) => {
  const result = await closeDecision(actor, input);
  if (result.ok) revalidatePath("/s", "layout");
  return result;
});

export const cancelDecisionAction = defineAction(cancelDecisionInput, async (input, actor) => {
  const result = await cancelDecision(actor, input);
  if (result.ok) revalidatePath("/s", "layout");
  return result;
});
