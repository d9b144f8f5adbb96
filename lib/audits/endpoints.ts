// API endpoints of this module (the OpenAPI document is built from these).
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { fileReportInput, findingsDocument, reportOutput, reviewReportInput, transitionFindingInput } from "@/lib/audits/schema";

export const apiFileReportBody = fileReportInput.omit({ releaseId: true });
export const apiReviewBody = reviewReportInput.omit({ reportId: true });
export const apiFindingBody = transitionFindingInput.omit({ findingId: true });

const gateOutput = z.object({
  blocked: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), message: z.string(), findingId: z.string().optional(), category: z.string().optional() })),
  unblockHints: z.array(z.string()),
});
const coverageOutput = z.object({
  categories: z.array(
    z.object({ category: z.string(), required: z.boolean(), status: z.enum(["accepted", "pending", "stale", "missing"]), reports: z.number().int() }),
  ),
  openFindings: z.record(z.string(), z.number().int()).describe("Unresolved findings by severity"),
});

const tag = "audits";
const errors = [403, 404, 422];

export const auditEndpoints: Endpoint[] = [
  {
    method: "get",
    path: "/api/v1/releases/{id}/audits",
    summary: "A release's audit reports, coverage and gate",
    tag,
    auth: "optional",
    response: z.object({
      gate: gateOutput,
      coverage: coverageOutput,
      reports: z.array(z.object({ id: z.string(), category: z.string(), status: z.string(), stale: z.boolean() })),
    }),
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/releases/{id}/audits",
    summary: "File an audit report on a release (who may: the charter's audit.fileRoles)",
    description:
      "`scopeDigests` must be among the release's current artifact digests (DIGEST_NOT_IN_RELEASE otherwise); each finding's `affectedDigests` must be within the scope (DIGEST_OUT_OF_SCOPE). `findings` uses the format of docs/findings-format.md. Oversize text answers TEXT_TOO_LONG.",
    tag,
    auth: "required",
    body: apiFileReportBody,
    response: reportOutput,
    status: 201,
    errors,
  },
  { method: "get", path: "/api/v1/audits/{id}", summary: "An audit report with its findings (and their history) and reviews", tag, auth: "optional", response: reportOutput, errors: [404] },
  {
    method: "get",
    path: "/api/v1/audits/{id}/findings.json",
    summary: "Export a report's findings in the findings format (docs/findings.schema.json)",
    tag,
    auth: "optional",
    response: findingsDocument,
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/audits/{id}/reviews",
    summary: "Review an audit report: accept, request_changes or dispute (not your own: OWN_REPORT)",
    tag,
    auth: "required",
    body: apiReviewBody,
    response: reportOutput,
    status: 201,
    errors,
  },
  {
    method: "patch",
    path: "/api/v1/findings/{id}",
    summary: "Move a finding through its lifecycle",
    description:
      "open -> acknowledged -> mitigated (needs a note or evidence) -> verified (owners, stewards, auditors); accepted_risk and wont_fix need an owner or steward and a reason. A jump the lifecycle does not allow answers INVALID_TRANSITION.",
    tag,
    auth: "required",
    body: apiFindingBody,
    response: reportOutput,
    errors,
  },
];
