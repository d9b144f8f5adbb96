// Catalogued events of charters: each amendment is a new version.
import { z } from "zod";
import { defineEvent, id } from "@/lib/record/events/define";

export const charterEvents = [
  defineEvent({
    type: "charter.amended",
    version: 1,
    subject: z.strictObject({ spaceId: id, version: z.int().positive(), decisionId: id.optional().describe("When a charter decision made the amendment") }),
    data: z.strictObject({ version: z.int().positive(), reason: z.string(), changes: z.array(z.string()).describe("The changes in plain words") }),
    written: "An owner amends the charter, or a passed charter decision does (then actor is null or the closer, and subject names the decision).",
  }),
] as const;
