// Audit use cases, shared by server actions, API routes and pages: parse, authorize, then write or read.
import "server-only";
import type { Actor } from "@/lib/auth/session";
import { getAuditRelease, getFindingContext, getReportDetail, spaceSlugOf, statusOfReviews } from "@/lib/audits/data";
import { checkReleaseAuditable, checkReviewComment } from "@/lib/audits/filing-rules";
import { fileReport, reviewReport, transitionFinding } from "@/lib/audits/mutations";
import { isStale } from "@/lib/audits/rules";
import {
  evidenceLink,
  fileReportInput,
  findingsFormat,
  parseAuditInput,
  reviewReportInput,
  transitionFindingInput,
  type FindingsDocument,
  type ReportOutput,
} from "@/lib/audits/schema";
import { DomainError, fail, ok, type Result } from "@/lib/result";
import { releaseAuditState } from "@/lib/audits/release-gate";
import { currentCharter } from "@/lib/charter/data";
import { can, refusalOf } from "@/lib/policy";
import { requireSpace } from "@/lib/spaces/access";
import { spaceFacts } from "@/lib/spaces/data";
import type { AuditCategory, Severity } from "@/lib/charter/schema";
import type { FindingStatus, ReviewVerdict } from "@/lib/audits/rules";

const noRelease = () => fail("RELEASE_NOT_FOUND", "There is no such release.", "not_found");
const noReport = () => fail("REPORT_NOT_FOUND", "There is no such audit report.", "not_found");
const noFinding = () => fail("FINDING_NOT_FOUND", "There is no such finding.", "not_found");

/**
 * The space of a release, report or finding, if this reader may see it; null for a private space they cannot
 * see, so the caller answers exactly as for an id that does not exist (never "No such space.").
 */
async function readableSpace(actor: Actor | null, slug: string) {
  try {
    return await requireSpace(actor, slug, "audit.view");
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return null;
    throw error;
  }
}

/**
 * Files a report on a release; when `spaceSlug` is given (the pages), the release must be that space's. A
 * release of another space, or of a private space the actor cannot see, answers like a missing one.
 */
export async function fileAuditReport(actor: Actor | null, raw: unknown): Promise<Result<{ reportId: string; spaceSlug: string; receipt: string }>> {
  const parsed = parseAuditInput(fileReportInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const release = await getAuditRelease(input.releaseId);
  if (!release) return noRelease();
  const slug = await spaceSlugOf(release.spaceId);
  if (!slug || (input.spaceSlug !== undefined && input.spaceSlug !== slug)) return noRelease();
  if (!(await readableSpace(actor, slug))) return noRelease();
  const access = await requireSpace(actor, slug, "audit.file");
  const auditable = checkReleaseAuditable(release.status);
  if (!auditable.ok) return fail(auditable.code, auditable.message, "rule");
  const filed = await fileReport({ spaceId: access.space.id, authorId: actor!.id, input });
  return filed.ok ? ok({ reportId: filed.data.reportId, spaceSlug: access.space.slug, receipt: filed.data.receipt }) : filed;
}

async function reportInSpace(actor: Actor | null, reportId: string, action: "audit.view" | "audit.review") {
  const report = await getReportDetail(reportId);
  if (!report) return null;
  const slug = await spaceSlugOf(report.spaceId);
  if (!slug || !(await readableSpace(actor, slug))) return null;
  const access = await requireSpace(actor, slug, action);
  return { report, access };
}

export async function reviewAuditReport(actor: Actor | null, raw: unknown): Promise<Result<{ reviewId: string; status: string; spaceSlug: string; receipt: string }>> {
  const parsed = parseAuditInput(reviewReportInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const found = await getReportDetail(input.reportId);
  if (!found) return noReport();
  const slug = await spaceSlugOf(found.spaceId);
  if (!slug) return noReport();
  const viewable = await readableSpace(actor, slug);
  if (!viewable) return noReport();
  if (!actor) return fail("UNAUTHENTICATED", "Sign in to review an audit report.", "unauthenticated");
  // The policy answers the report's own author first, even one whose role could review: a refusal returned
  // as a value; a role that may not review at all is refused (thrown) by requireSpace, with the same facts.
  const facts = { authorId: found.authorId };
  const own = refusalOf(actor, "audit.review", { space: spaceFacts(viewable), ...facts });
  if (own && !own.ok && own.error.code === "OWN_REPORT") return own;
  const access = await requireSpace(actor, slug, "audit.review", facts);
  const comment = checkReviewComment(input);
  if (!comment.ok) return fail(comment.code, comment.message, "invalid", { comment: [comment.message] });
  const reviewed = await reviewReport({
    spaceId: access.space.id,
    releaseId: found.releaseId,
    reportId: found.id,
    reviewerId: actor.id,
    verdict: input.verdict,
    comment: input.comment,
  });
  return reviewed.ok ? ok({ ...reviewed.data, spaceSlug: slug }) : reviewed;
}

export async function moveFinding(
  actor: Actor | null,
  raw: unknown,
): Promise<Result<{ findingId: string; reportId: string; from: FindingStatus; to: FindingStatus; spaceSlug: string; receipt: string }>> {
  const parsed = parseAuditInput(transitionFindingInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  const finding = await getFindingContext(input.findingId);
  if (!finding) return noFinding();
  const slug = await spaceSlugOf(finding.report.spaceId);
  if (!slug || !(await readableSpace(actor, slug))) return noFinding();
  const access = await requireSpace(actor, slug, "finding.transition");
  const moved = await transitionFinding({
    spaceId: access.space.id,
    findingId: finding.id,
    actorId: actor!.id,
    actorRole: access.role!,
    to: input.status,
    note: input.note,
    evidence: input.evidence,
  });
  return moved.ok ? ok({ findingId: finding.id, reportId: finding.reportId, ...moved.data, spaceSlug: slug }) : moved;
}

type ReportDetail = NonNullable<Awaited<ReturnType<typeof getReportDetail>>>;

function evidenceOf(value: unknown) {
  const parsed = evidenceLink.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function toReportOutput(report: ReportDetail): ReportOutput {
  const releaseDigests = report.release.artifacts.map((a) => a.digest);
  return {
    id: report.id,
    spaceId: report.spaceId,
    releaseId: report.releaseId,
    authorId: report.authorId,
    category: report.category as AuditCategory,
    methodology: report.methodology,
    summary: report.summary,
    verdict: report.verdict,
    scopeDigests: report.scopeDigests,
    evidence: (Array.isArray(report.evidence) ? report.evidence : []).map(evidenceOf).filter((e) => e !== null),
    status: statusOfReviews(report.reviews),
    stale: isStale({ reportDigests: report.scopeDigests, releaseDigests }),
    createdAt: report.createdAt.toISOString(),
    findings: report.findings.map((f) => ({
      id: f.id,
      number: f.number,
      anchor: `finding-${f.number}`,
      title: f.title,
      severity: f.severity as Severity,
      description: f.description,
      affectedDigests: f.affectedDigests,
      status: f.status as FindingStatus,
      history: f.transitions.map((t) => ({
        from: t.from,
        to: t.to,
        actorId: t.actorId,
        note: t.note,
        evidence: t.evidence ? evidenceOf(t.evidence) : null,
        at: t.createdAt.toISOString(),
      })),
    })),
    reviews: report.reviews.map((r) => ({ id: r.id, reviewerId: r.reviewerId, verdict: r.verdict as ReviewVerdict, comment: r.comment, at: r.createdAt.toISOString() })),
  };
}

/** A report as the API and the page read it; REPORT_NOT_FOUND when missing (or invisible: private space). */
export async function viewAuditReport(actor: Actor | null, reportId: string) {
  const found = await reportInSpace(actor, reportId, "audit.view");
  if (!found) return noReport();
  return ok({ report: toReportOutput(found.report), detail: found.report, access: found.access });
}

/** A report as a space's page reads it: a report of another space is not in this one. */
export async function viewSpaceAuditReport(actor: Actor | null, spaceSlug: string, reportId: string) {
  const viewed = await viewAuditReport(actor, reportId);
  if (viewed.ok && viewed.data.access.space.slug !== spaceSlug) return noReport();
  return viewed;
}

/** The findings export document (docs/findings-format.md). */
export function findingsExport(report: ReportOutput): FindingsDocument {
  return {
    format: findingsFormat,
    generator: { name: "Commonweights" },
    report: { id: report.id, releaseId: report.releaseId, category: report.category },
    findings: report.findings.map((f) => ({
      number: f.number,
      title: f.title,
      severity: f.severity,
      description: f.description,
      affectedDigests: f.affectedDigests,
      status: f.status,
    })),
  };
}

export async function exportAuditFindings(actor: Actor | null, reportId: string): Promise<Result<FindingsDocument>> {
  const viewed = await viewAuditReport(actor, reportId);
  return viewed.ok ? ok(findingsExport(viewed.data.report)) : viewed;
}

/** A release's coverage, gate and reports, for the API and the release page. */
export async function releaseAudits(actor: Actor | null, releaseId: string) {
  const release = await getAuditRelease(releaseId);
  if (!release) return noRelease();
  const slug = await spaceSlugOf(release.spaceId);
  if (!slug) return noRelease();
  const access = await readableSpace(actor, slug);
  if (!access) return noRelease();
  const [state, { charter }] = await Promise.all([releaseAuditState(releaseId), currentCharter(release.spaceId)]);
  if (!state) return noRelease();
  const space = spaceFacts(access);
  const canFile = can(actor, "audit.file", { space, charter }).allow;
  return ok({ release, spaceSlug: slug, role: access.role, canFile, ...state });
}
