// API endpoints of this module (the OpenAPI document is built from these).
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { ballotFields, cancelFields, openDecisionFields } from "@/lib/decisions/schema";

const tag = "decisions";

const outcome = z.object({
  status: z.enum(["passed", "failed", "no-quorum"]),
  winner: z.string().optional(),
  explanation: z.string(),
  counts: z.record(z.string(), z.number()),
  advisoryCounts: z.record(z.string(), z.number()),
  quorum: z.object({ needed: z.number(), reached: z.number(), met: z.boolean() }).optional(),
  rounds: z.array(z.record(z.string(), z.number())).optional(),
  vetoes: z.array(z.object({ userId: z.string(), reason: z.string() })).optional(),
  pairwise: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  ignored: z.number(),
});

export const decisionSummaryOutput = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  method: z.string(),
  status: z.enum(["open", "closed", "cancelled"]),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  releaseId: z.string().nullable(),
  outcome: z.object({ status: z.string(), explanation: z.string(), winner: z.string().optional() }).nullable(),
  ballots: z.number().int(),
  eligible: z.number().int(),
});

export const decisionOutput = z.object({
  id: z.string(),
  spaceSlug: z.string(),
  title: z.string(),
  question: z.string(),
  kind: z.string(),
  method: z.string(),
  methodLabel: z.string(),
  choiceShape: z.string().describe("The shape of `choice` for this decision's method"),
  params: z.record(z.string(), z.unknown()),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  subject: z.record(z.string(), z.unknown()),
  release: z.object({ id: z.string(), label: z.string(), status: z.string() }).nullable(),
  charterVersion: z.number().int(),
  status: z.enum(["open", "closed", "cancelled"]),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  eligibility: z.object({
    count: z.number().int(),
    binding: z.number().int(),
    advisory: z.number().int(),
    hash: z.string().describe("SHA-256 of the canonical JSON of the frozen voter list; also in the decision.opened event"),
    voters: z.array(z.object({ userId: z.string(), name: z.string(), binding: z.boolean() })),
  }),
  ballots: z.array(z.object({ voterId: z.string(), name: z.string(), choice: z.unknown(), reason: z.string().nullable(), binding: z.boolean(), castAt: z.string(), receipt: z.string() })),
  tally: outcome.describe("The tally now (open) or the frozen outcome (closed)"),
  projection: z.string().nullable().describe('While open: "If it closed now: passes/fails because …"'),
  earlyClose: z
    .object({ allowed: z.boolean(), reason: z.string(), verdict: z.string().nullable().describe('When allowed: what closing now decides, "passes/fails because …"') })
    .describe("Whether a steward may close it now: open, allowed by the charter version it opened under, and the outcome can no longer change"),
  progress: z.array(z.object({ label: z.string(), reached: z.number(), needed: z.number() })),
  outcome: outcome.extend({ closedBy: z.enum(["deadline", "early"]), applied: z.array(z.string()), gate: z.object({ blocked: z.boolean(), reasons: z.array(z.object({ code: z.string(), message: z.string() })) }).optional() }).nullable(),
  you: z.object({ eligible: z.boolean(), binding: z.boolean(), choice: z.unknown(), reason: z.string().nullable(), receipt: z.string().nullable() }).nullable(),
});

export const ballotReceiptOutput = z.object({
  decisionId: z.string(),
  receipt: z.string().describe("SHA-256 hash of the ballot.cast record event: look it up in the space's history"),
  castAt: z.string(),
  binding: z.boolean(),
  changed: z.boolean().describe("true when this replaced your earlier ballot"),
});

const choiceDoc = `\`choice\` depends on the decision's method (see \`choiceShape\` in GET /api/v1/decisions/{id}):
- yes-no: "yes" | "no" | "abstain"
- apache-release, apache-consensus, lazy-consensus: "+1" | "0" | "-1" (apache-consensus: a binding -1 is a veto and needs a \`reason\`)
- plurality: one option id, e.g. "cc-by-4.0"
- approval: a list of approved option ids (an empty list abstains)
- irv, schulze: a ranking of distinct option ids of this decision, most preferred first. Partial rankings are allowed: the options you leave out rank below every option you rank, equal among themselves. An empty ranking is refused.

Casting again replaces your ballot until the close; every cast stays in the record. Refusals: NOT_ELIGIBLE (403), MALFORMED_CHOICE / UNKNOWN_OPTION / DUPLICATE_RANK / EMPTY_RANKING (400, the problem named in \`fields.choice\`), REASON_REQUIRED (422), VOTING_CLOSED (409).`;

export const decisionEndpoints: Endpoint[] = [
  { method: "get", path: "/api/v1/spaces/{slug}/decisions", summary: "A space's decisions: open ones first, then closed and cancelled", tag, auth: "optional", response: z.object({ decisions: z.array(decisionSummaryOutput) }), errors: [404] },
  {
    method: "post",
    path: "/api/v1/spaces/{slug}/decisions",
    summary: "Open a decision (stewards); method and parameters default to the charter's",
    description: "Eligibility is frozen at opening from roles and the charter; its SHA-256 goes into the decision.opened event. A release decision needs the audits gate open and moves the release to voting.",
    tag,
    auth: "required",
    body: openDecisionFields,
    response: z.object({ id: z.string(), receipt: z.string(), eligibilityHash: z.string(), eligible: z.number().int() }),
    status: 201,
    errors: [403, 404, 409, 422],
  },
  { method: "get", path: "/api/v1/decisions/{id}", summary: "A decision: status, options, eligibility, ballots, tally, and the outcome once closed", tag, auth: "optional", response: decisionOutput, errors: [404] },
  { method: "post", path: "/api/v1/decisions/{id}/ballots", summary: "Cast or change your ballot", description: choiceDoc, tag, auth: "required", body: ballotFields, response: ballotReceiptOutput, status: 201, errors: [403, 404, 409, 422] },
  { method: "post", path: "/api/v1/decisions/{id}/close", summary: "Close early (stewards, where the charter allows)", description: "Only once the outcome can no longer change: whatever the binding voters who have not voted yet might cast, the status and winner stay the same. Ballots cast so far count as they stand. Refusals: EARLY_CLOSE_NOT_ALLOWED (422, the charter version the decision opened under does not allow it), OUTCOME_NOT_FINAL (422, with the reason), VOTING_CLOSED (409).", tag, auth: "required", response: decisionOutput, errors: [403, 404, 409, 422] },
  { method: "post", path: "/api/v1/decisions/{id}/cancel", summary: "Cancel with a reason (stewards)", tag, auth: "required", body: cancelFields, response: decisionOutput, errors: [403, 404, 409] },
];
