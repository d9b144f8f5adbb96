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

/** The longest display name: long enough for "María José Fernández de la Cruz", short enough for a member list at 390 px. */
export const DISPLAY_NAME_MAX = 80;

// NUL is refused before zod sees the input (lib/validation.ts); other control characters (tabs, line breaks,
// bidi overrides) would let a name reorder or break the sentences history shows it in.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A person's own display name: the action's input and the API's PATCH body are the same. */
export const updateDisplayNameInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Enter the name people should see; it cannot be empty.")
    .max(DISPLAY_NAME_MAX, `Keep your name to ${DISPLAY_NAME_MAX} characters or fewer.`)
    .refine((name) => !controlCharacters.test(name), "A name cannot contain line breaks, tabs or other control characters."),
});
export type UpdateDisplayNameInput = z.infer<typeof updateDisplayNameInput>;

/** What anyone may see of a person: no e-mail, only the names of the providers they sign in with. */
export const profileOutput = z.object({
  id: z.string(),
  name: z.string().nullable(),
  providers: z.array(z.string()).describe("Names of the sign-in providers linked to the account (never the accounts themselves)"),
  demo: z.boolean(),
  memberSince: z.string(),
  spaces: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string(), joinedAt: z.string() })).describe("Spaces the viewer can see"),
  activity: z
    .array(z.object({ space: z.string(), seq: z.number().nullable(), type: z.string(), summary: z.string(), createdAt: z.string() }))
    .describe("Recent governance events by this person, in spaces the viewer can see, newest first"),
});
