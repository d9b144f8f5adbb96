// API endpoints of this module (the OpenAPI document is built from these).
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { releaseStatuses } from "@/lib/releases/lifecycle";
import { artifactKinds } from "@/lib/releases/rules";
import { listReleasesQuery, releaseFields, releaseStatusInput, updateReleaseFields, withdrawalReason } from "@/lib/releases/schema";

export const apiCreateReleaseBody = releaseFields;
export const apiUpdateReleaseBody = updateReleaseFields;
export const apiTransitionBody = z.strictObject({
  to: releaseStatusInput.describe("The status to move to; 'voting' starts only through a release decision"),
  note: z.string().trim().max(1000).default(""),
  reason: withdrawalReason,
});

const status = z.enum(releaseStatuses);

export const releaseListItem = z.object({
  id: z.string(),
  modelName: z.string(),
  version: z.string(),
  status,
  mofClass: z.number().int().nullable(),
  artifactCount: z.number().int(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const releaseOutput = z.object({
  id: z.string(),
  space: z.string(),
  modelName: z.string(),
  version: z.string(),
  status,
  summary: z.string(),
  changelog: z.string(),
  previousReleaseId: z.string().nullable(),
  baseModelRef: z.string().nullable(),
  votedDigests: z.array(z.string()),
  votingOpenedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  artifacts: z.array(z.object({ name: z.string(), kind: z.enum(artifactKinds), digest: z.string(), sizeBytes: z.number().nullable(), uri: z.string().nullable() })),
  components: z.array(z.object({ component: z.string(), included: z.boolean(), license: z.string().nullable(), licenseName: z.string().nullable(), licenseUrl: z.string().nullable() })),
  links: z.array(z.object({ kind: z.string(), reference: z.string(), pinned: z.boolean(), display: z.string(), url: z.string().nullable() })),
  openness: z.object({
    class: z.number().int().nullable(),
    label: z.string(),
    nextClass: z.number().int().nullable(),
    missingForNext: z.array(z.object({ component: z.string(), label: z.string(), reason: z.string() })),
    warnings: z.array(z.string()),
  }),
});

const recordRef = z.object({ type: z.string(), hash: z.string(), at: z.string() }).nullable();

export const manifestOutput = z.object({
  manifestVersion: z.literal(1),
  release: z.object({ id: z.string(), space: z.string(), modelName: z.string(), version: z.string(), status: z.string(), publishedAt: z.string().nullable() }),
  approved: z.boolean().describe("True only when a release decision passed, the release is approved/published/deprecated, and the digests equal the voted ones"),
  digests: z.array(z.string()).describe("Sorted sha256 digests of the current artifacts"),
  votedDigests: z.array(z.string()).describe("Sorted digests frozen when the vote opened"),
  digestsMatchVote: z.boolean(),
  artifacts: z.array(z.object({ name: z.string(), kind: z.string(), digest: z.string(), sizeBytes: z.number().nullable(), uri: z.string().nullable() })),
  licenses: z.array(z.object({ component: z.string(), license: z.string().nullable(), name: z.string().optional(), url: z.string().nullable().optional() })),
  openness: z.object({ class: z.number().int().nullable(), label: z.string(), osaidConforms: z.boolean() }),
  registry: z.array(z.object({ kind: z.string(), reference: z.string(), pinned: z.boolean() })),
  decision: z.object({ id: z.string(), outcome: z.string().nullable(), explanation: z.string().nullable(), closedAt: z.string().nullable() }).nullable(),
  record: z.object({ votingOpened: recordRef, approval: recordRef, publication: recordRef }),
});

const tag = "releases";
const spaceReleases = "/api/v1/spaces/{slug}/releases";
const one = "/api/v1/releases/{id}";

export const releaseEndpoints: Endpoint[] = [
  { method: "get", path: spaceReleases, summary: "A space's releases, filtered by status and model", tag, auth: "optional", query: listReleasesQuery, response: z.object({ releases: z.array(releaseListItem) }), errors: [404] },
  {
    method: "post",
    path: spaceReleases,
    summary: "Propose a release (draft): artifacts pinned by sha256, MOF components with SPDX licenses, registry links",
    tag,
    auth: "required",
    body: apiCreateReleaseBody,
    response: releaseOutput,
    status: 201,
    errors: [403, 404, 409],
  },
  { method: "get", path: one, summary: "A release with its artifacts, licenses, openness class and registry links", tag, auth: "optional", response: releaseOutput, errors: [404] },
  {
    method: "patch",
    path: one,
    summary: "Edit a release (its proposer, owners or stewards); artifacts and components only while draft or in review (ARTIFACTS_FROZEN after a vote opened)",
    tag,
    auth: "required",
    body: apiUpdateReleaseBody,
    response: releaseOutput,
    errors: [403, 404, 409, 422],
  },
  {
    method: "post",
    path: `${one}/transitions`,
    summary: "Move a release through its lifecycle ({to}); publishing needs approval, pinned links and unchanged digests",
    description:
      "Sending a proposal to review, back to draft or withdrawing it is for its proposer, owners and stewards (403 FORBIDDEN otherwise). A withdrawal needs a `reason` (400 REASON_REQUIRED), which the release.withdrawn event keeps.",
    tag,
    auth: "required",
    body: apiTransitionBody,
    response: releaseOutput,
    errors: [403, 404, 409, 422],
  },
  {
    method: "get",
    path: `${one}/manifest`,
    summary: "What governance approved: digests, licenses, MOF class, the deciding vote and the record event hashes",
    description: "See docs/release-manifest.md for a CI check that publishes only the approved bytes.",
    tag,
    auth: "optional",
    response: manifestOutput,
    errors: [404],
  },
];
