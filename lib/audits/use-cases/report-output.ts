// A report as the API returns it, and its findings export document, from the report's stored rows.
import "server-only";
import { statusOfReviews, type getReportDetail } from "@/lib/audits/data";
import { isStale, type FindingStatus, type ReviewVerdict } from "@/lib/audits/rules";
import { evidenceLink, findingsFormat, type FindingsDocument, type ReportOutput } from "@/lib/audits/schema";
import type { AuditCategory, Severity } from "@/lib/charter/schema";

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
