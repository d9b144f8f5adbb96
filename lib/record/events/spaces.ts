// Catalogued events of spaces: creation and settings changes.
import { z } from "zod";
import { defineEvent, id } from "@/lib/record/events/define";

const visibility = z.enum(["public", "private"]);

export const spaceEvents = [
  defineEvent({
    type: "space.created",
    version: 1,
    subject: z.strictObject({ spaceId: id }),
    data: z.strictObject({ slug: z.string().min(1), name: z.string().min(1), visibility, charterVersion: z.int().positive() }),
    written: "A space is created, with its first owner and its default charter (version 1).",
  }),
  defineEvent({
    type: "space.updated",
    version: 1,
    subject: z.strictObject({ spaceId: id }),
    data: z.strictObject({
      changed: z.array(z.string()).min(1).describe("The settings that changed"),
      values: z.record(z.string(), z.unknown()).describe("Their new values; a changed description is recorded as \"(changed)\""),
    }),
    written: "A steward saves the space's settings and at least one of them changed.",
  }),
] as const;
