// What an import asks for: a mirror (read-only, maybe following its origin) or a fork, and optionally another slug.
import { z } from "zod";

export const importArchiveInput = z.strictObject({
  mode: z.enum(["mirror", "fork"]),
  slug: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "A slug is 1-40 lowercase letters, digits and dashes.")
    .optional()
    .describe("The slug here, when the origin's is taken"),
  follow: z.boolean().default(false).describe("A mirror that pulls new events from its origin on a schedule"),
  key: z.string().max(200).optional().describe("The origin's public key (base64): every checkpoint must be signed by it"),
});
export type ImportArchiveInput = z.input<typeof importArchiveInput>;
