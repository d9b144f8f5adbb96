// Inputs of concerns, one schema per use case, shared by the server action and the API route; the API takes the
// subject (or the concern) from its path, so it reads the …Fields part.
import { z } from "zod";
import { concernLimits, concernSubjectKinds } from "@/lib/concerns/rules";

const id = z.string().min(1).max(64);
const subjectKind = z.enum(concernSubjectKinds, { error: 'A concern is about a "decision" or a "release".' });

export const raiseConcernFields = z.strictObject({
  title: z
    .string()
    .trim()
    .min(concernLimits.titleMin, `Give the concern a title of at least ${concernLimits.titleMin} characters`)
    .max(concernLimits.titleMax, `Keep the title to ${concernLimits.titleMax} characters: it is quoted in the tally`),
  body: z
    .string()
    .trim()
    .min(1, "Say what the concern is and what would resolve it")
    .max(concernLimits.bodyMax, `Keep the text under ${concernLimits.bodyMax.toLocaleString("en")} characters`),
});
export const raiseConcernInput = raiseConcernFields.extend({ on: subjectKind, subjectId: id });
export type RaiseConcernInput = z.infer<typeof raiseConcernInput>;

export const listConcernsInput = z.strictObject({ on: subjectKind, subjectId: id });
export type ListConcernsInput = z.infer<typeof listConcernsInput>;

export const resolveConcernFields = z.strictObject({
  note: z.string().trim().max(concernLimits.noteMax, `Keep the note under ${concernLimits.noteMax.toLocaleString("en")} characters`).optional(),
});
export const resolveConcernInput = resolveConcernFields.extend({ concernId: id });
export type ResolveConcernInput = z.infer<typeof resolveConcernInput>;

export const overrideConcernFields = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(concernLimits.reasonMin, "Say in a few words why the concern is overridden; the record keeps it")
    .max(concernLimits.noteMax, `Keep the reason under ${concernLimits.noteMax.toLocaleString("en")} characters`),
});
export const overrideConcernInput = overrideConcernFields.extend({ concernId: id });
export type OverrideConcernInput = z.infer<typeof overrideConcernInput>;

const concernOutput = z.object({
  id: z.string(),
  on: subjectKind,
  subjectId: z.string(),
  title: z.string(),
  body: z.string().describe("Markdown; pages render it sanitized"),
  status: z.enum(["open", "resolved", "overridden"]),
  raisedBy: z.object({ id: z.string(), name: z.string() }),
  raisedAt: z.string(),
  closedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable().describe("The raiser's note on resolving, or the steward's reason for overriding"),
  comments: z.number().int().describe("Visible comments in its thread: GET /api/v1/threads/concern/{id}/comments"),
  you: z.object({ canResolve: z.boolean(), canOverride: z.boolean() }).describe("What the caller may do with it now"),
});

export const concernListOutput = z.object({
  on: subjectKind,
  subjectId: z.string(),
  blocks: z.boolean().describe("Whether the charter lets an open concern block passing here (concernsBlock of the kind)"),
  open: z.number().int(),
  live: z.boolean().describe("Whether concerns can still be raised, resolved or overridden here (the decision is open, the release in review)"),
  blocking: z.string().nullable().describe('While blocked: "Fails while 1 concern is open: …" (decisions) or why the release cannot go to a vote'),
  raise: z.object({ allowed: z.boolean(), reason: z.string().nullable() }).describe("Whether the caller may raise one now, and if not, why"),
  concerns: z.array(concernOutput),
});
export type ConcernListView = z.infer<typeof concernListOutput>;
export type ConcernView = ConcernListView["concerns"][number];

export const raisedConcernOutput = z.object({ id: z.string(), receipt: z.string().describe("SHA-256 hash of the concern.raised record event") });
export const closedConcernOutput = z.object({ receipt: z.string().describe("SHA-256 hash of the concern.resolved or concern.overridden record event") });
