// Inputs for audits (filing, reviews, finding transitions) and the findings import/export format.
import { z } from "zod";
import { findingStatuses, reviewVerdicts } from "@/lib/audits/rules";
import { auditCategories, severities } from "@/lib/charter/schema";
import { fail, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";

export const limits = {
  title: 200,
  summary: 50_000,
  methodology: 20_000,
  description: 20_000,
  comment: 10_000,
  note: 10_000,
  url: 2_000,
  label: 200,
  findings: 200,
  evidence: 50,
  digests: 200,
} as const;

const id = z.string().min(1).max(64);
const text = (max: number, what: string) => z.string().max(max, { error: `${what} is too long: at most ${max.toLocaleString("en")} characters.` });

// The patterns accept either case although the values are lowercased first: the published JSON Schema is
// generated from them, and must accept what the API accepts.
export const digest = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[sS][hH][aA]256:[0-9a-fA-F]{64}$/, { error: 'A digest is "sha256:" followed by 64 hexadecimal characters.' });
const sha256 = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^([sS][hH][aA]256:)?[0-9a-fA-F]{64}$/, { error: "A sha256 is 64 hexadecimal characters (optionally prefixed with sha256:)." })
  .transform((value) => (value.startsWith("sha256:") ? value : `sha256:${value}`));
const url = z
  .url({ protocol: /^https?$/, error: "Evidence must be an http(s) URL." })
  .max(limits.url, { error: `A URL is too long: at most ${limits.url} characters.` });

export const auditCategory = z.enum(auditCategories, { error: `Category must be one of: ${auditCategories.join(", ")}.` });
export const severity = z.enum(severities, { error: `Severity must be one of: ${severities.join(", ")}.` });
export const findingStatus = z.enum(findingStatuses, { error: `Status must be one of: ${findingStatuses.join(", ")}.` });
export const auditVerdict = z.enum(["pass", "concerns", "fail"], { error: "Verdict must be one of: pass, concerns, fail." });
export const reviewVerdict = z.enum(reviewVerdicts, { error: `Verdict must be one of: ${reviewVerdicts.join(", ")}.` });

export const evidenceLink = z.strictObject({
  url: url.describe("Where the evidence is: a commit, pull request, evaluation run or scan log"),
  sha256: sha256.optional().describe("The SHA-256 of the evidence file, when it is a file"),
  label: text(limits.label, "An evidence label").optional(),
});
export type EvidenceLink = z.infer<typeof evidenceLink>;

/** One finding in the findings format (docs/findings-format.md). `number` and `status` are informative on import. */
export const findingEntry = z.strictObject({
  number: z.number().int().min(1).optional().describe("Position in the report (export only; ignored on import)"),
  title: text(limits.title, "A finding title").trim().min(1, { error: "A finding needs a title." }),
  severity,
  description: text(limits.description, "A finding description").default("").describe("Markdown"),
  affectedDigests: z.array(digest).min(1, { error: "Name at least one affected artifact digest." }).max(limits.digests),
  status: findingStatus.optional().describe("Lifecycle status (export only; imported findings always start open)"),
});
export type FindingEntry = z.infer<typeof findingEntry>;

export const findingsFormat = "commonweights.findings/v1";

/** The findings import/export document; docs/findings.schema.json is generated from it. */
export const findingsDocument = z
  .strictObject({
    $schema: z.string().max(limits.url).optional(),
    format: z.literal(findingsFormat, { error: `"format" must be "${findingsFormat}".` }),
    generator: z
      .strictObject({ name: text(limits.label, "A generator name").min(1), version: text(limits.label, "A generator version").optional() })
      .optional()
      .describe("The tool that produced the findings"),
    report: z
      .strictObject({ id: z.string(), releaseId: z.string(), category: auditCategory, url: z.string().optional() })
      .optional()
      .describe("The report the findings come from (export only)"),
    findings: z.array(findingEntry).max(limits.findings, { error: `At most ${limits.findings} findings per report.` }),
  })
  .describe("Commonweights audit findings");
export type FindingsDocument = z.infer<typeof findingsDocument>;

export const fileReportInput = z.strictObject({
  spaceSlug: z.string().min(1).max(40).optional().describe("When given, the release must belong to this space"),
  releaseId: id,
  category: auditCategory,
  methodology: text(limits.methodology, "The methodology").default(""),
  scopeDigests: z.array(digest).min(1, { error: "Name at least one artifact digest that you examined." }).max(limits.digests),
  summary: text(limits.summary, "The summary").trim().min(1, { error: "Write a summary of the audit." }),
  verdict: auditVerdict,
  findings: z.array(findingEntry).max(limits.findings, { error: `At most ${limits.findings} findings per report.` }).default([]),
  evidence: z.array(evidenceLink).max(limits.evidence, { error: `At most ${limits.evidence} evidence links.` }).default([]),
});
export type FileReportInput = z.infer<typeof fileReportInput>;

export const reviewReportInput = z.strictObject({
  reportId: id,
  verdict: reviewVerdict,
  comment: text(limits.comment, "The comment").trim().default(""),
});
export type ReviewReportInput = z.infer<typeof reviewReportInput>;

export const transitionFindingInput = z.strictObject({
  findingId: id,
  status: findingStatus,
  note: text(limits.note, "The note").trim().default(""),
  evidence: evidenceLink.optional(),
});
export type TransitionFindingInput = z.infer<typeof transitionFindingInput>;

/**
 * parseInput, with oversize text answered as TEXT_TOO_LONG rather than the generic INVALID_INPUT,
 * so a client can tell "too long" from "malformed".
 */
export function parseAuditInput<S extends z.ZodType>(schema: S, raw: unknown): Result<z.infer<S>> {
  const parsed = parseInput(schema, raw);
  if (parsed.ok) return parsed;
  const issues = schema.safeParse(raw).error?.issues ?? [];
  const tooLong = issues.find((issue) => issue.code === "too_big" && issue.origin === "string");
  if (!tooLong) return parsed;
  const where = tooLong.path.length ? `${tooLong.path.join(".")}: ` : "";
  return fail("TEXT_TOO_LONG", `${where}${tooLong.message}`, "invalid", parsed.error.fields);
}

// ---------- API outputs ----------

const findingOutput = z.object({
  id: z.string(),
  number: z.number().int(),
  anchor: z.string().describe("finding-N: the anchor on the report page"),
  title: z.string(),
  severity,
  description: z.string(),
  affectedDigests: z.array(z.string()),
  status: findingStatus,
  history: z.array(
    z.object({ from: z.string(), to: z.string(), actorId: z.string(), note: z.string(), evidence: evidenceLink.nullable(), at: z.string() }),
  ),
});

export const reportOutput = z.object({
  id: z.string(),
  spaceId: z.string(),
  releaseId: z.string(),
  authorId: z.string(),
  category: auditCategory,
  methodology: z.string(),
  summary: z.string(),
  verdict: auditVerdict,
  scopeDigests: z.array(z.string()),
  evidence: z.array(evidenceLink),
  status: z.enum(["pending", "accepted", "changes_requested", "disputed"]),
  stale: z.boolean().describe("Some examined digest is no longer among the release's artifacts"),
  createdAt: z.string(),
  findings: z.array(findingOutput),
  reviews: z.array(z.object({ id: z.string(), reviewerId: z.string(), verdict: reviewVerdict, comment: z.string(), at: z.string() })),
});
export type ReportOutput = z.infer<typeof reportOutput>;

/** docs/findings.schema.json: generated from `findingsDocument` (a unit test keeps the committed file equal). */
export function findingsJsonSchema() {
  return {
    ...z.toJSONSchema(findingsDocument, { io: "input", target: "draft-2020-12" }),
    $id: "https://commonweights.org/schemas/findings.schema.json",
    title: "Commonweights audit findings",
  };
}
