// Reads for audits: releases as audits see them, reports with findings and reviews, coverage inputs.
import "server-only";
import { db } from "@/lib/db";
import type { GateReport } from "@/lib/audits/gate";
import { isStale, reportStatus, type FindingStatus, type ReportStatus, type ReviewVerdict } from "@/lib/audits/rules";
import type { AuditCategory, Severity } from "@/lib/charter/schema";

export type AuditRelease = { id: string; spaceId: string; modelName: string; version: string; status: string; digests: string[] };

/** A release and its CURRENT artifact digests, read directly so audits do not depend on the releases module. */
export async function getAuditRelease(releaseId: string): Promise<AuditRelease | null> {
  const release = await db.release.findUnique({
    where: { id: releaseId },
    select: { id: true, spaceId: true, modelName: true, version: true, status: true, artifacts: { select: { digest: true }, orderBy: { name: "asc" } } },
  });
  if (!release) return null;
  const { artifacts, ...rest } = release;
  return { ...rest, digests: [...new Set(artifacts.map((a) => a.digest))] };
}

export async function listReleaseArtifacts(releaseId: string) {
  return db.artifact.findMany({ where: { releaseId }, orderBy: { name: "asc" }, select: { name: true, kind: true, digest: true } });
}

export async function listSpaceReleases(spaceId: string) {
  return db.release.findMany({
    where: { spaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, modelName: true, version: true, status: true },
  });
}

export async function spaceSlugOf(spaceId: string): Promise<string | null> {
  const space = await db.space.findUnique({ where: { id: spaceId }, select: { slug: true } });
  return space?.slug ?? null;
}

const reportColumns = { id: true, category: true, verdict: true, scopeDigests: true, authorId: true, createdAt: true } as const;

const reportInclude = {
  findings: { orderBy: { number: "asc" as const }, select: { id: true, number: true, title: true, severity: true, status: true, affectedDigests: true } },
  reviews: { orderBy: { createdAt: "asc" as const }, select: { reviewerId: true, verdict: true, createdAt: true } },
};

type ReportRow = {
  id: string;
  category: string;
  scopeDigests: string[];
  findings: Array<{ id: string; title: string; severity: string; status: string }>;
  reviews: Array<{ reviewerId: string; verdict: string; createdAt: Date }>;
};

export function statusOfReviews(reviews: ReportRow["reviews"]): ReportStatus {
  return reportStatus(reviews.map((r) => ({ reviewerId: r.reviewerId, verdict: r.verdict as ReviewVerdict, createdAt: r.createdAt })));
}

/** What the pure gate needs to know about a report: its review status and staleness against the release now. */
export function toGateReport(report: ReportRow, releaseDigests: readonly string[]): GateReport {
  return {
    id: report.id,
    category: report.category as AuditCategory,
    status: statusOfReviews(report.reviews),
    stale: isStale({ reportDigests: report.scopeDigests, releaseDigests }),
    findings: report.findings.map((f) => ({ id: f.id, title: f.title, severity: f.severity as Severity, status: f.status as FindingStatus })),
  };
}

/** The reports of a release with everything the gate and the coverage table need. */
export async function listReleaseReports(releaseId: string) {
  return db.auditReport.findMany({
    where: { releaseId },
    orderBy: { createdAt: "desc" },
    select: {
      ...reportColumns,
      ...reportInclude,
    },
  });
}

export async function listSpaceReports(spaceId: string, { releaseId, take = 100 }: { releaseId?: string; take?: number } = {}) {
  return db.auditReport.findMany({
    where: { spaceId, ...(releaseId ? { releaseId } : {}) },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      ...reportColumns,
      release: { select: { id: true, modelName: true, version: true, artifacts: { select: { digest: true } } } },
      ...reportInclude,
    },
  });
}

/** One report in full: findings with their transition history, reviews, and the release's current digests. */
export async function getReportDetail(reportId: string) {
  return db.auditReport.findUnique({
    where: { id: reportId },
    include: {
      release: { select: { id: true, spaceId: true, modelName: true, version: true, status: true, artifacts: { select: { name: true, digest: true }, orderBy: { name: "asc" } } } },
      findings: { orderBy: { number: "asc" }, include: { transitions: { orderBy: { createdAt: "asc" } } } },
      reviews: { orderBy: { createdAt: "asc" } },
    },
  });
}

export async function getFindingContext(findingId: string) {
  return db.finding.findUnique({
    where: { id: findingId },
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      reportId: true,
      releaseId: true,
      report: { select: { authorId: true, spaceId: true } },
    },
  });
}

/** Events about one report (jsonb containment on the subject), oldest first. */

