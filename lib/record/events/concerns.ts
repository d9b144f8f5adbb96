// Catalogued events of blocking concerns: raised by a binding voter, resolved by them or overridden by a steward.
import { z } from "zod";
import { defineEvent, id } from "@/lib/record/events/define";

// A decision concern carries its decision (and a release decision's release); a release concern its release.
const concern = z.strictObject({
  concernId: id,
  decisionId: id.optional().describe("The decision the concern is about (a decision concern)"),
  releaseId: id.optional().describe("The release the concern is about, or a release decision's release"),
});

export const concernEvents = [
  defineEvent({
    type: "concern.raised",
    version: 1,
    subject: concern,
    data: z.strictObject({
      on: z.enum(["decision", "release"]).describe("What the concern is about"),
      title: z.string().min(1).max(120),
      body: z.string().max(10_000).describe("Markdown"),
      blocks: z.boolean().describe("Whether the charter in force lets an open concern block passing (concernsBlock of the kind)"),
    }),
    written: "A binding voter raises a concern on an open decision or on a release in review.",
  }),
  defineEvent({
    type: "concern.resolved",
    version: 1,
    subject: concern,
    data: z.strictObject({ title: z.string().min(1).max(120).describe("The concern's title"), note: z.string().max(2000).optional().describe("What resolved it, in the raiser's words") }),
    written: "The person who raised a concern marks it resolved.",
  }),
  defineEvent({
    type: "concern.overridden",
    version: 1,
    subject: concern,
    data: z.strictObject({ title: z.string().min(1).max(120).describe("The concern's title"), reason: z.string().min(1).max(2000) }),
    written: "A steward overrides an open concern, with a reason.",
  }),
] as const;
