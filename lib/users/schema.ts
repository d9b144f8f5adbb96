// Shapes of users: what the API shows, and what an operator may create.
import { z } from "zod";

export const userOutput = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});

export const createUserInput = z.strictObject({
  email: z.email("Give a valid e-mail address").max(254).transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, "Give a name").max(120),
});
export type CreateUserInput = z.infer<typeof createUserInput>;
