// Shapes of users as the API shows them.
import { z } from "zod";

export const userOutput = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});
