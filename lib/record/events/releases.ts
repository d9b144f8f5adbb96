// Catalogued events of releases: proposal, edits, the lifecycle's transitions and what decisions do to a release.
import { z } from "zod";
import { defineEvent, id, registryKinds, releaseStatuses, sha256Digest } from "@/lib/record/events/define";

const status = z.enum(releaseStatuses);
const mofClass = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().describe("Model Openness Framework class reached (1 most open); null when none");
const digests = z.array(sha256Digest).describe("Artifact digests, sorted");
const release = z.strictObject({ releaseId: id });
// The demo seed's backfilled history (prisma/seed-releases.ts) records release votes without their decision.
const byDecision = z.strictObject({ releaseId: id, decisionId: id.optional().describe("The decision that did it; absent in the demo seed's backfilled history") });
const registryKind = z.enum(registryKinds);

/** A person's status change (lib/releases/mutations.ts transitionRelease): from, to, and an optional note or reason. */
const transition = <T extends z.ZodType>(to: T) =>
  z.strictObject({ from: status, to, note: z.string().optional(), reason: z.string().optional().describe("Why, for a withdrawal") });

export const releaseTransitionTypes = ["release.submitted", "release.returned_to_draft", "release.withdrawn", "release.published", "release.deprecated", "release.yanked"] as const;
export type ReleaseTransitionType = (typeof releaseTransitionTypes)[number];

export const releaseEvents = [
  defineEvent({
    type: "release.proposed",
    version: 1,
    subject: release,
    data: z.strictObject({ modelName: z.string().min(1), version: z.string().min(1), digests, mofClass, links: z.array(z.string()).describe("Registry references") }),
    written: "A member proposes a release (a draft).",
  }),
  defineEvent({
    type: "release.edited",
    version: 1,
    subject: release,
    data: z.strictObject({
      changed: z.array(z.string()).min(1).describe("What changed, in plain words (\"summary\", \"artifacts\", ...)"),
      digests: digests.optional().describe("The new artifact digests, when artifacts changed"),
      previousDigests: digests.optional(),
      mofClass: z.strictObject({ from: mofClass, to: mofClass }).optional().describe("When the openness class changed"),
      links: z.array(z.string()).optional().describe("The new registry references, when they changed"),
    }),
    written: "A draft or in-review release is edited and something changed.",
  }),
  defineEvent({ type: "release.submitted", version: 1, subject: release, data: transition(z.literal("in_review")), written: "A release is sent for review (draft or rejected -> in_review)." }),
  defineEvent({ type: "release.returned_to_draft", version: 1, subject: release, data: transition(z.literal("draft")), written: "A release goes back to draft." }),
  defineEvent({ type: "release.withdrawn", version: 1, subject: release, data: transition(z.literal("withdrawn")), written: "A release is withdrawn before publication." }),
  defineEvent({
    type: "release.published",
    version: 1,
    subject: release,
    data: transition(z.literal("published")).extend({
      digests,
      registry: z.array(z.strictObject({ kind: registryKind, reference: z.string(), pinned: z.boolean() })).describe("The registry references, each pinned"),
    }),
    written: "An approved release is published, its artifact digests and pinned registry references fixed in the record.",
  }),
  defineEvent({ type: "release.deprecated", version: 1, subject: release, data: transition(z.literal("deprecated")), written: "A published release is deprecated." }),
  defineEvent({ type: "release.yanked", version: 1, subject: release, data: transition(z.literal("yanked")), written: "A published or deprecated release is yanked." }),
  defineEvent({
    type: "release.voting_opened",
    version: 1,
    subject: byDecision,
    data: z.strictObject({ from: z.literal("in_review"), to: z.literal("voting"), votedDigests: digests.describe("The digests the vote is about, frozen") }),
    written: "A release decision opens: the release moves to voting and its artifact digests are frozen.",
  }),
  defineEvent({
    type: "release.voting_cancelled",
    version: 1,
    subject: byDecision,
    data: z.strictObject({ from: z.literal("voting"), to: z.literal("in_review") }),
    written: "The release's decision is cancelled: the release is back in review.",
  }),
  defineEvent({
    type: "release.approved",
    version: 1,
    subject: byDecision,
    data: z.strictObject({ from: z.literal("voting"), to: z.literal("approved") }),
    written: "The release's decision closes passed (actor: who closed it early, or null at the deadline).",
  }),
  defineEvent({
    type: "release.rejected",
    version: 1,
    subject: byDecision,
    data: z.strictObject({ from: z.literal("voting"), to: z.literal("rejected") }),
    written: "The release's decision closes without passing.",
  }),
  defineEvent({
    type: "release.license_decided",
    version: 1,
    subject: byDecision,
    data: z.strictObject({
      component: z.string().nullable().describe("The MOF component decided on; null for every included component"),
      components: z.array(z.string()).describe("The components whose license changed"),
      license: z.string().min(1).describe("SPDX license expression"),
    }),
    written: "A licensing decision passes and sets the license of one component, or of every included one.",
  }),
] as const;
