// Catalogued events of decisions: opening, ballots, the close and cancellation.
import { z } from "zod";
import { decisionKinds, defineEvent, hex64, id, isoTime, votingMethods } from "@/lib/record/events/define";

const decision = z.strictObject({ decisionId: id, releaseId: id.optional().describe("A release decision's release") });
const counts = z.record(z.string(), z.number());
const ballotData = z.strictObject({
  choice: z.union([z.string(), z.array(z.string())]).describe("yes/no/abstain, +1/0/-1, an option id, or option ids (approved, or ranked best first)"),
  reason: z.string().optional(),
  binding: z.boolean().describe("False for an advisory voter"),
});

export const decisionEvents = [
  defineEvent({
    type: "decision.opened",
    version: 1,
    subject: decision,
    data: z.strictObject({
      title: z.string().min(1),
      kind: z.enum(decisionKinds),
      method: z.enum(votingMethods),
      params: z.record(z.string(), z.unknown()).describe("The method's parameters (threshold, quorum, options...)"),
      opensAt: isoTime,
      closesAt: isoTime,
      charterVersion: z.int().positive().describe("The charter version whose rules apply"),
      eligibilityHash: hex64.describe("SHA-256 of the canonical JSON of the frozen eligible voters"),
      eligible: z.int().nonnegative().describe("How many may vote"),
      binding: z.int().nonnegative().describe("How many of them vote bindingly"),
    }),
    written: "A decision opens; who may vote is frozen.",
  }),
  defineEvent({
    type: "ballot.cast",
    version: 2,
    subject: decision,
    data: ballotData.extend({
      for: id
        .optional()
        .describe("The person on the decision's eligibility list the ballot counts for, when the actor votes in their place (mapped to them by member.identity_mapped)"),
    }),
    written: "A voter casts or changes their ballot (the receipt is this event's hash); on a fork, for a person of the origin mapped to them.",
    // Version 1 had no `for`: the actor was always the voter.
    older: [{ version: 1, subject: decision, data: ballotData }],
  }),
  defineEvent({
    type: "decision.closed",
    version: 1,
    subject: decision,
    data: z.strictObject({
      status: z.enum(["passed", "failed", "no-quorum"]),
      explanation: z.string(),
      winner: z.string().optional(),
      counts: counts.describe("Binding counts per choice or option"),
      closedBy: z.enum(["deadline", "early"]),
      ballots: z.int().nonnegative(),
      applied: z.array(z.string()).describe("What the close changed, in plain words"),
    }),
    written: "A decision closes at its deadline (actor null) or early once its outcome is final.",
  }),
  defineEvent({
    type: "decision.cancelled",
    version: 1,
    subject: decision,
    data: z.strictObject({ reason: z.string() }),
    written: "A steward cancels an open decision.",
  }),
] as const;
