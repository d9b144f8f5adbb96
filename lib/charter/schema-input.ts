// Input of a charter amendment (the charter itself is validated by lib/charter/schema.ts).
import { z } from "zod";

export const amendCharterInput = z.strictObject({
  spaceSlug: z.string().min(1).max(40),
  charter: z.unknown(),
  reason: z.string().trim().min(3, "Say in a few words why the charter changes").max(1000),
  basedOnVersion: z.number().int().min(0).optional(),
});
