// Inputs for spaces: slug rules, settings, links.
import { z } from "zod";
import { roles } from "@/lib/roles";

/** Slugs that would collide with routes or confuse people. */
export const reservedSlugs = new Set([
  "new", "api", "settings", "admin", "s", "signin", "signout", "login", "logout", "auth", "invite", "spaces",
  "about", "help", "docs", "static", "public", "system", "commonweights", "well-known", "me", "user", "users",
]);

const optionalHttpsUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === "" || /^https:\/\/[^\s]+$/.test(v), `${label} must be an https:// link`)
    .optional()
    .transform((v) => (v ? v : null));

export const slugInput = z
  .string()
  .trim()
  .min(3, "A slug has at least 3 characters")
  .max(40, "A slug has at most 40 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens (not at the start or end)");

const spaceFields = {
  name: z.string().trim().min(2, "Give the space a name").max(80, "Keep the name under 80 characters"),
  description: z.string().max(20_000, "Keep the description under 20,000 characters").default(""),
  visibility: z.enum(["public", "private"]),
  homepageUrl: optionalHttpsUrl("The homepage"),
  sourceUrl: optionalHttpsUrl("The source repository"),
  hfOrg: z
    .string()
    .trim()
    .max(96)
    .refine((v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v), "A Hugging Face organisation name, e.g. lumen-collective")
    .optional()
    .transform((v) => (v ? v : null)),
};

export const createSpaceInput = z.strictObject({ slug: slugInput, ...spaceFields });
export type CreateSpaceInput = z.infer<typeof createSpaceInput>;

export const updateSpaceInput = z.strictObject({ spaceSlug: z.string().min(1).max(40), ...spaceFields });
export type UpdateSpaceInput = z.infer<typeof updateSpaceInput>;

export const spaceOutput = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  visibility: z.enum(["public", "private"]),
  homepageUrl: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  hfOrg: z.string().nullable(),
  createdAt: z.string(),
  memberCount: z.number().int(),
  yourRole: z.enum(roles).nullable(),
});
