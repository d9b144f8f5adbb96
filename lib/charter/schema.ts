// Zod schema and vocabulary for a space's governance charter (versioned structured data).
import { z } from "zod";
import { charterRoleDefaults } from "@/lib/policy-role-groups";
import { roleInput as role } from "@/lib/roles";

export const decisionKinds = ["release", "licensing", "deployment", "policy", "membership", "charter"] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export const votingMethods = [
  "yes-no",
  "apache-release",
  "apache-consensus",
  "lazy-consensus",
  "plurality",
  "approval",
  "irv",
  "schulze",
] as const;
export const votingMethod = z.enum(votingMethods, { error: `Voting method must be one of: ${votingMethods.join(", ")}.` });
export type VotingMethod = z.infer<typeof votingMethod>;

export const auditCategories = [
  "safety",
  "bias-fairness",
  "security",
  "privacy",
  "license-compliance",
  "data-provenance",
  "evaluation",
  "other",
] as const;
export type AuditCategory = (typeof auditCategories)[number];

// Ordered most severe first: comparisons rely on the index.
export const severities = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof severities)[number];

export const auditCategoryLabels: Record<AuditCategory, string> = {
  safety: "safety",
  "bias-fairness": "bias and fairness",
  security: "security",
  privacy: "privacy",
  "license-compliance": "license compliance",
  "data-provenance": "data provenance",
  evaluation: "evaluation",
  other: "other",
};

/** True when `severity` is at least as severe as `floor`. */
export function isAtLeastSeverity(severity: Severity, floor: Severity): boolean {
  return severities.indexOf(severity) <= severities.indexOf(floor);
}

export const maxVotingHours = 24 * 90;
/** A bound on any count of voters a rule may ask for: far above any community, far below absurd. */
export const maxVoters = 100_000;
const apacheMethods: readonly VotingMethod[] = ["apache-release", "apache-consensus"];

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((value, index) => {
      if (seen.has(value)) ctx.addIssue({ code: "custom", path: [index], message: `${what} lists "${value}" twice.` });
      seen.add(value);
    });
  });
}

const quorum = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("count"),
      value: z
        .number()
        .int({ error: "A count quorum must be a whole number of voters." })
        .min(1, { error: "A count quorum must be at least 1 voter." })
        .max(maxVoters, { error: `A count quorum cannot exceed ${maxVoters.toLocaleString("en")} voters.` }),
    }),
    z.strictObject({
      type: z.literal("share"),
      value: z
        .number()
        .gt(0, { error: "A share quorum must be greater than 0 (a fraction of binding voters)." })
        .max(1, { error: "A share quorum cannot exceed 1 (all binding voters)." }),
    }),
  ],
  { error: 'Quorum type must be "count" or "share".' },
);

function decisionRule(kind: DecisionKind) {
  return z
    .strictObject({
      method: votingMethod,
      quorum: quorum.nullable(),
      threshold: z
        .number()
        .min(0.5, { error: `The ${kind} threshold must be at least 0.5 (a majority).` })
        .max(1, { error: `The ${kind} threshold cannot exceed 1 (unanimity).` }),
      minPlusOnes: z
        .number()
        .int({ error: `The ${kind} minimum number of +1 votes must be a whole number.` })
        .min(0, { error: `The ${kind} minimum number of +1 votes cannot be negative.` })
        .max(maxVoters, { error: `The ${kind} minimum number of +1 votes cannot exceed ${maxVoters.toLocaleString("en")}.` }),
      minHours: z
        .number()
        .min(0, { error: `The ${kind} minimum voting period cannot be negative.` })
        .max(maxVotingHours, { error: `The ${kind} minimum voting period cannot exceed 90 days (2160 hours).` }),
      maxHours: z
        .number()
        .max(maxVotingHours, { error: `The ${kind} maximum voting period cannot exceed 90 days (2160 hours).` }),
      bindingRoles: uniqueList(role, `The ${kind} binding roles`).min(1, {
        error: `At least one role must have a binding vote on ${kind} decisions.`,
      }),
      advisoryRoles: uniqueList(role, `The ${kind} advisory roles`),
      veto: z.boolean(),
      earlyClose: z.boolean(),
    })
    .superRefine((rule, ctx) => {
      if (rule.minHours > rule.maxHours) {
        ctx.addIssue({
          code: "custom",
          path: ["minHours"],
          message: `The ${kind} minimum voting period (${rule.minHours} hours) is longer than the maximum (${rule.maxHours} hours).`,
        });
      }
      rule.advisoryRoles.forEach((r, index) => {
        if (rule.bindingRoles.includes(r)) {
          ctx.addIssue({
            code: "custom",
            path: ["advisoryRoles", index],
            message: `The role "${r}" cannot be both binding and advisory on ${kind} decisions.`,
          });
        }
      });
      if (apacheMethods.includes(rule.method) && rule.minPlusOnes < 1) {
        ctx.addIssue({
          code: "custom",
          path: ["minPlusOnes"],
          message: `An Apache-style ${kind} vote needs at least 1 binding +1 (minPlusOnes of 1 or more).`,
        });
      }
    });
}

export const charterInput = z.strictObject({
  decisions: z.strictObject({
    release: decisionRule("release"),
    licensing: decisionRule("licensing"),
    deployment: decisionRule("deployment"),
    policy: decisionRule("policy"),
    membership: decisionRule("membership"),
    charter: decisionRule("charter"),
  }),
  audits: z.strictObject({
    blockingSeverity: z.enum(severities, { error: `Blocking severity must be one of: ${severities.join(", ")}.` }),
    requiredCategories: uniqueList(
      z.enum(auditCategories, { error: `Audit category must be one of: ${auditCategories.join(", ")}.` }),
      "The required audit categories",
    ),
    fileRoles: uniqueList(role, "The roles that may file audit reports")
      .min(1, { error: "At least one role must be allowed to file audit reports." })
      .default([...charterRoleDefaults.fileRoles]),
  }),
  membership: z.strictObject({
    whoInvites: uniqueList(role, "The roles that may invite").min(1, {
      error: "At least one role must be allowed to invite members.",
    }),
    whoGrantsOwner: uniqueList(role, "The roles that may grant the owner role")
      .min(1, { error: "At least one role must be allowed to grant the owner role." })
      .default([...charterRoleDefaults.whoGrantsOwner]),
  }),
  amendments: z.strictObject({ viaDecision: z.boolean() }),
});

export type CharterInput = z.input<typeof charterInput>;
export type Charter = z.output<typeof charterInput>;
export type DecisionRule = Charter["decisions"][DecisionKind];

export type CharterIssue = { path: string; message: string };
export type ParseCharterResult =
  | { ok: true; value: Charter }
  | { ok: false; code: "INVALID_CHARTER"; message: string; issues: CharterIssue[] };

/** Validates unknown input; issue paths are dotted, e.g. "decisions.release.minHours". */
export function parseCharter(input: unknown): ParseCharterResult {
  const parsed = charterInput.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const first = issues[0];
  const where = first?.path ? `at ${first.path}` : "at the top level";
  const message =
    issues.length === 1
      ? `The charter is not valid ${where}: ${first?.message}`
      : `The charter has ${issues.length} problems; the first, ${where}: ${first?.message}`;
  return { ok: false, code: "INVALID_CHARTER", message, issues };
}
