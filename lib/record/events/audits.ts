// Catalogued events of audits: reports filed and reviewed, and findings moving through their lifecycle.
import { z } from "zod";
import { auditCategories, defineEvent, id, severities } from "@/lib/record/events/define";

// Mirror lib/audits/rules.ts (a unit test keeps them equal), spelled out for the reasons given in define.ts.
export const findingStatuses = ["open", "acknowledged", "mitigated", "verified", "accepted_risk", "wont_fix"] as const;
export const reviewVerdicts = ["accept", "request_changes", "dispute"] as const;
export const reportStatuses = ["pending", "accepted", "changes_requested", "disputed"] as const;

const report = z.strictObject({ releaseId: id, reportId: id });
const severity = z.enum(severities);
const findingStatus = z.enum(findingStatuses);

export const auditEvents = [
  defineEvent({
    type: "audit.filed",
    version: 1,
    subject: report,
    data: z.strictObject({
      category: z.enum(auditCategories),
      verdict: z.enum(["pass", "concerns", "fail"]),
      scopeDigests: z.array(z.string()).describe("The artifact digests the audit covered"),
      findings: z.array(z.strictObject({ findingId: id, number: z.int().positive(), title: z.string(), severity })),
    }),
    written: "An auditor files a report on a release, with its findings.",
  }),
  defineEvent({
    type: "audit.reviewed",
    version: 1,
    subject: report,
    data: z.strictObject({
      reviewId: id,
      verdict: z.enum(reviewVerdicts),
      comment: z.string(),
      status: z.enum(reportStatuses).describe("The report's status after this review"),
    }),
    written: "A steward reviews an audit report.",
  }),
  defineEvent({
    type: "finding.transitioned",
    version: 1,
    subject: z.strictObject({ releaseId: id, reportId: id, findingId: id }),
    data: z.strictObject({
      number: z.int().positive(),
      title: z.string(),
      severity,
      from: findingStatus,
      to: findingStatus,
      note: z.string(),
      evidence: z.strictObject({ url: z.string(), sha256: z.string().optional(), label: z.string().optional() }).optional(),
    }),
    written: "A finding moves to another status (acknowledged, mitigated, verified, accepted risk, won't fix, reopened).",
  }),
] as const;
