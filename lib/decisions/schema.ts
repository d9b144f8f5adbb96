// Inputs of the decisions module: opening a decision, casting a ballot, closing and cancelling.
import { z } from "zod";
import { decisionKinds, maxVoters, votingMethods } from "@/lib/charter/schema";

const spaceSlug = z.string().min(1).max(40);
const decisionId = z.string().min(1).max(64);

export const decisionKind = z.enum(decisionKinds, { error: `Kind must be one of: ${decisionKinds.join(", ")}.` });
export const decisionMethod = z.enum(votingMethods, { error: `Method must be one of: ${votingMethods.join(", ")}.` });

const quorum = z.strictObject({
  type: z.enum(["count", "share"], { error: 'Quorum type must be "count" or "share".' }),
  value: z
    .number({ error: "The quorum must be a number." })
    .min(0, "The quorum cannot be negative.")
    .max(maxVoters, `A quorum cannot exceed ${maxVoters.toLocaleString("en")} voters.`),
});

export const optionInput = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, "An option id is letters, digits, '.', '_', '+' or '-' (up to 64)")
    .optional(),
  label: z.string().trim().min(1, "Every option needs a label").max(200),
});

/** The fields a person fills in; kind-specific ones are checked by the use case against the kind. */
export const openDecisionFields = z.strictObject({
  title: z.string().trim().min(3, "Give the decision a title of at least 3 characters").max(200),
  question: z.string().trim().max(20_000, "Keep the question under 20,000 characters").default(""),
  kind: decisionKind,
  method: decisionMethod.optional().describe("Defaults to the charter's method for this kind"),
  quorum: quorum.nullable().optional().describe("Stricter than the charter's, or omitted for the charter's"),
  threshold: z.number().gt(0).max(1).optional().describe("yes-no: share of yes among yes + no; at least the charter's"),
  minPlusOnes: z
    .number()
    .int("The number of +1 votes needed must be a whole number.")
    .min(1, "At least one +1 vote must be needed.")
    .max(maxVoters, `The number of +1 votes needed cannot exceed ${maxVoters.toLocaleString("en")}.`)
    .optional().describe("Apache methods: binding +1 needed; at least the charter's"),
  options: z.array(optionInput).max(50).optional().describe("plurality, approval, irv, schulze: at least two; licensing options are SPDX expressions"),
  closesAt: z.iso.datetime({ offset: true, error: "Give the closing time as a date and time with its offset, e.g. 2026-12-03T20:09:00+01:00." }).optional(),
  hours: z.number({ error: "Give the hours as a number." }).positive("A vote stays open for more than 0 hours.").max(24 * 90, "A vote stays open at most 90 days (2,160 hours).").optional().describe("Instead of closesAt: how many hours the vote stays open"),
  releaseId: z.string().min(1).max(64).optional().describe("release and licensing: the release; deployment: optional"),
  component: z.string().trim().min(1).max(80).nullable().optional().describe("licensing: the MOF component (null: every included component)"),
  license: z.string().trim().min(1).max(2000).optional().describe("licensing with yes-no or Apache methods: the proposed SPDX expression"),
  target: z.string().trim().min(3).max(200).optional().describe('deployment: e.g. "public inference endpoint"'),
  conditions: z.string().trim().max(5000).optional().describe("deployment: the conditions of the approval (markdown)"),
  charter: z.unknown().optional().describe("charter: the proposed charter, applied as a new version if the decision passes"),
  proposalId: z.string().min(1).max(64).optional().describe("The proposal this decision comes from: linked to it in the same transaction (its thread stays)"),
});

export const openDecisionInput = openDecisionFields.extend({ spaceSlug });
export type OpenDecisionInput = z.infer<typeof openDecisionInput>;

export const ballotFields = z.strictObject({
  choice: z.unknown().refine((value) => value !== undefined, "Give a choice"),
  reason: z.string().trim().max(5000, "Keep the reason under 5,000 characters").optional(),
});
export const castBallotInput = ballotFields.extend({ decisionId });
export type CastBallotInput = z.infer<typeof castBallotInput>;

export const closeDecisionInput = z.strictObject({ decisionId });
export const cancelFields = z.strictObject({ reason: z.string().trim().min(3, "Say in a few words why the decision is cancelled").max(2000) });
export const cancelDecisionInput = cancelFields.extend({ decisionId });
