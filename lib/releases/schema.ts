// Zod inputs for releases: the proposal, edits, transitions and list filters.
import { z } from "zod";
import { releaseStatuses } from "@/lib/releases/lifecycle";
import { artifactKinds, withdrawalReasonMax } from "@/lib/releases/rules";

const spaceSlug = z.string().min(1).max(40);
const markdown = (label: string) => z.string().max(50_000, `${label} is limited to 50,000 characters`);

export const artifactInput = z.strictObject({
  name: z.string().trim().min(1, "Give the artifact a name").max(200, "Keep artifact names under 200 characters"),
  kind: z.enum(artifactKinds, { error: `Kind must be one of: ${artifactKinds.join(", ")}.` }),
  digest: z.string().trim().min(1, "Give the artifact's sha256 digest").max(200),
  sizeBytes: z.coerce
    .number({ error: "Give the size as a whole number of bytes, e.g. 6200000000 (the form also reads 6.2 GB)." })
    .int("The size is a whole number of bytes.")
    .min(0, "The size cannot be negative.")
    .max(Number.MAX_SAFE_INTEGER, "That size is too large.")
    .nullish(),
  uri: z.string().trim().max(2048).nullish(),
});

export const componentInput = z.strictObject({
  component: z.string().min(1).max(60),
  included: z.boolean(),
  license: z.string().max(2000).nullish(),
  licenseName: z.string().trim().max(200).nullish(),
  licenseUrl: z.string().trim().max(2048).nullish(),
});

export const releaseFields = z.strictObject({
  modelName: z
    .string()
    .trim()
    .min(1, "Give the model a name")
    .max(100, "Keep the model name under 100 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Model names use letters, digits, dots, hyphens and underscores"),
  version: z
    .string()
    .trim()
    .min(1, "Give a version")
    .max(50, "Keep the version under 50 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9.+_-]*$/, "Versions use letters, digits, dots, plus, hyphens and underscores (e.g. 1.0 or 2.0-rc1)"),
  summary: markdown("The summary").default(""),
  changelog: markdown("The changelog").default(""),
  previousReleaseId: z.string().max(64).nullish(),
  baseModelRef: z.string().trim().max(2048).nullish(),
  artifacts: z.array(artifactInput).max(200, "At most 200 artifacts").default([]),
  components: z.array(componentInput).max(17).default([]),
  links: z.array(z.string().max(2048)).max(50, "At most 50 registry links").default([]),
});

export const createReleaseInput = releaseFields.extend({ spaceSlug });
export type CreateReleaseInput = z.infer<typeof createReleaseInput>;

export const updateReleaseFields = z.strictObject({
  modelName: releaseFields.shape.modelName.optional(),
  version: releaseFields.shape.version.optional(),
  summary: markdown("The summary").optional(),
  changelog: markdown("The changelog").optional(),
  previousReleaseId: z.string().max(64).nullish(),
  baseModelRef: z.string().trim().max(2048).nullish(),
  artifacts: z.array(artifactInput).max(200).optional(),
  components: z.array(componentInput).max(17).optional(),
  links: z.array(z.string().max(2048)).max(50).optional(),
});
export const updateReleaseInput = updateReleaseFields.extend({ releaseId: z.string().min(1).max(64) });
export type UpdateReleaseInput = z.infer<typeof updateReleaseInput>;

export const releaseStatusInput = z.enum(releaseStatuses, { error: `Status must be one of: ${releaseStatuses.join(", ")}.` });

/** Why a release is withdrawn: required for a withdrawal (checked by the use case), kept in the record event. */
export const withdrawalReason = z
  .string()
  .trim()
  .max(withdrawalReasonMax, `The reason is limited to ${withdrawalReasonMax} characters.`)
  .optional()
  .describe("Why the release is withdrawn; required when `to` is 'withdrawn'");

export const transitionReleaseInput = z.strictObject({
  releaseId: z.string().min(1).max(64),
  to: releaseStatusInput,
  note: z.string().trim().max(1000).default(""),
  reason: withdrawalReason,
});
export type TransitionReleaseInput = z.infer<typeof transitionReleaseInput>;

export const listReleasesQuery = z.object({
  status: releaseStatusInput.optional(),
  model: z.string().trim().max(100).optional(),
});

export const parseModelCardInput = z.strictObject({ markdown: z.string().max(210 * 1024, "The model card is over 200 KB") });
