// API endpoints for spaces and their charter (the OpenAPI document is built from these; members have theirs in lib/members).
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { charterInput } from "@/lib/charter/schema";
import { amendCharterFields } from "@/lib/charter/schema-input";
import { createSpaceInput, spaceOutput } from "@/lib/spaces/schema";

// The API's body is the use case's own input schema, less what the path carries: one set of rules and messages.
export const apiAmendCharterBody = amendCharterFields;
/** For the OpenAPI document only: the same body, with the charter's schema shown instead of "anything". */
const amendCharterDocumented = amendCharterFields.extend({ charter: charterInput });
export const charterOutput = z.object({
  version: z.number().int(),
  charter: charterInput,
  plainLanguage: z.object({ decisions: z.array(z.object({ kind: z.string(), title: z.string(), sentence: z.string() })), audits: z.array(z.string()), membership: z.array(z.string()), amendments: z.string() }),
  amendedAt: z.string(),
});

const tag = "spaces";
const spacePath = "/api/v1/spaces/{slug}";

export const spaceEndpoints: Endpoint[] = [
  { method: "get", path: "/api/v1/spaces", summary: "Spaces you can see (public ones, and private ones you belong to)", tag, auth: "optional", response: z.object({ spaces: z.array(spaceOutput) }) },
  { method: "post", path: "/api/v1/spaces", summary: "Create a space; you become its owner", tag, auth: "required", body: createSpaceInput, response: spaceOutput, status: 201, errors: [409] },
  { method: "get", path: spacePath, summary: "A space", tag, auth: "optional", response: spaceOutput, errors: [404] },
];

export const charterEndpoints: Endpoint[] = [
  { method: "get", path: `${spacePath}/charter`, summary: "The charter in force, with its plain-language reading", tag, auth: "optional", response: charterOutput, errors: [404] },
  { method: "put", path: `${spacePath}/charter`, summary: "Amend the charter (a new version)", tag, auth: "required", body: amendCharterDocumented, response: charterOutput, errors: [403, 404, 409, 422] },
];
