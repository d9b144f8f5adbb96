"use server";
// Server actions for concerns; the use cases authorize each through lib/policy.ts. No revalidatePath: the concerns
// panel and the live tally refresh themselves through the JSON API.
import { defineAction } from "@/lib/action";
import { overrideConcernInput, raiseConcernInput, resolveConcernInput } from "@/lib/concerns/schema";
import { overrideConcern } from "@/lib/concerns/use-cases/override-concern";
import { raiseConcern } from "@/lib/concerns/use-cases/raise-concern";
import { resolveConcern } from "@/lib/concerns/use-cases/resolve-concern";

export const raiseConcernAction = defineAction(raiseConcernInput, async (input, actor) => raiseConcern(actor, input));
export const resolveConcernAction = defineAction(resolveConcernInput, async (input, actor) => resolveConcern(actor, input));
export const overrideConcernAction = defineAction(overrideConcernInput, async (input, actor) => overrideConcern(actor, input));
