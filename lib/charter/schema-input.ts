// Input of a charter amendment (the charter itself is validated by the use case with lib/charter/schema.ts, so
// the form and the API both hear INVALID_CHARTER with dotted field paths). Shared by the action and the API route.
import { z } from "zod";

export const amendCharterFields = z.strictObject({
  charter: z.unknown().describe("The whole charter, as GET returns it; an invalid one answers INVALID_CHARTER naming each field"),
  reason: z.string().trim().min(3, "Say in a few words why the charter changes").max(1000),
  basedOnVersion: z.number().int().min(0).optional().describe("The version you edited; a newer one answers 409"),
});
export const amendCharterInput = amendCharterFields.extend({ spaceSlug: z.string().min(1).max(40) });
