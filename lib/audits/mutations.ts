// Audit writes: filing a report with its findings, reviewing it, moving a finding through its lifecycle.
// Each re-checks what it depends on inside its transaction and appends its record event there.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendEvent } from "@/lib/record/append";
import { checkFilingDigests } from "@/lib/audits/filing-rules";
import { checkFindingTransition, findingStatuses, reportStatus, type FindingStatus, type ReviewVerdict } from "@/lib/audits/rules";
import type { EvidenceLink, FileReportInput } from "@/lib/audits/schema";
import type { SpaceRole } from "@/lib/policy-resource";
import type { Severity } from "@/lib/charter/schema";
import { fail, ok, type Result } from "@/lib/result";

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

export async function fileReport({
  spaceId,
  authorId,
  input,
}: {
  spaceId: string;
  authorId: string;
  input: FileReportInput;
}): Promise<Result<{ reportId: string; findingIds: string[]; receipt: string }>> {
  return db.$transaction(async (tx) => {
    // The release's digests as of this transaction: a concurrent artifact change cannot slip a foreign digest in.
    const artifacts = await tx.artifact.findMany({ where: { releaseId: input.releaseId }, select: { digest: true } });
    const check = checkFilingDigests({
      scopeDigests: input.scopeDigests,
      findings: input.findings,
      releaseDigests: artifacts.map((a) => a.digest),
    });
    if (!check.ok) return fail(check.code, check.message, "rule", check.field ? { [check.field]: [check.message] } : undefined);

    const report = await tx.auditReport.create({
      data: {
        spaceId,
        releaseId: input.releaseId,
        authorId,
        category: input.category,
        methodology: input.methodology,
        summary: input.summary,
        verdict: input.verdict,
        scopeDigests: input.scopeDigests,
        evidence: json(input.evidence),
      },
      select: { id: true },
    });
    const findings = [];
    for (const [index, finding] of input.findings.entries()) {
      findings.push(
        await tx.finding.create({
          data: {
            reportId: report.id,
            releaseId: input.releaseId,
            number: index + 1,
            title: finding.title,
            severity: finding.severity,
            description: finding.description,
            affectedDigests: [...new Set(finding.affectedDigests)],
            status: "open",
          },
          select: { id: true, number: true, title: true, severity: true },
        }),
      );
    }
    const event = await appendEvent(tx, {
      spaceId,
      actorId: authorId,
      type: "audit.filed",
      subject: { releaseId: input.releaseId, reportId: report.id },
      data: {
        category: input.category,
        verdict: input.verdict,
        scopeDigests: input.scopeDigests,
        findings: findings.map((f) => ({ findingId: f.id, number: f.number, title: f.title, severity: f.severity as Severity })),
      },
    });
    return ok({ reportId: report.id, findingIds: findings.map((f) => f.id), receipt: event.receipt });
  });
}

export async function reviewReport({
  spaceId,
  releaseId,
  reportId,
  reviewerId,
  verdict,
  comment,
}: {
  spaceId: string;
  releaseId: string;
  reportId: string;
  reviewerId: string;
  verdict: ReviewVerdict;
  comment: string;
}): Promise<Result<{ reviewId: string; status: string; receipt: string }>> {
  return db.$transaction(async (tx) => {
    const review = await tx.auditReview.create({ data: { reportId, reviewerId, verdict, comment }, select: { id: true } });
    const reviews = await tx.auditReview.findMany({ where: { reportId }, select: { reviewerId: true, verdict: true, createdAt: true } });
    const status = reportStatus(reviews.map((r) => ({ ...r, verdict: r.verdict as ReviewVerdict })));
    const event = await appendEvent(tx, {
      spaceId,
      actorId: reviewerId,
      type: "audit.reviewed",
      subject: { releaseId, reportId },
      data: { reviewId: review.id, verdict, comment, status },
    });
    return ok({ reviewId: review.id, status, receipt: event.receipt });
  });
}

export async function transitionFinding({
  spaceId,
  findingId,
  actorId,
  actorRole,
  to,
  note,
  evidence,
}: {
  spaceId: string;
  findingId: string;
  actorId: string;
  actorRole: SpaceRole;
  to: FindingStatus;
  note: string;
  evidence?: EvidenceLink;
}): Promise<Result<{ from: FindingStatus; to: FindingStatus; receipt: string }>> {
  return db.$transaction(async (tx) => {
    // Lock the finding so two people moving it at once see each other's change.
    const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT status FROM findings WHERE id = ${findingId} FOR UPDATE`;
    if (!row) return fail("FINDING_NOT_FOUND", "There is no such finding.", "not_found");
    const finding = await tx.finding.findUniqueOrThrow({
      where: { id: findingId },
      select: { number: true, title: true, severity: true, reportId: true, releaseId: true, report: { select: { authorId: true } } },
    });
    const from = (findingStatuses as readonly string[]).includes(row.status) ? (row.status as FindingStatus) : "open";
    const check = checkFindingTransition({
      from,
      to,
      actorRole,
      isReportAuthor: finding.report.authorId === actorId,
      note,
      evidence: evidence?.url ?? null,
    });
    if (!check.ok) {
      const kind = check.code === "INVALID_TRANSITION" ? "rule" : check.code === "FORBIDDEN_ROLE" || check.code === "STEWARD_ONLY" ? "forbidden" : "invalid";
      return fail(check.code, check.message, kind);
    }
    await tx.finding.update({ where: { id: findingId }, data: { status: to } });
    await tx.findingTransition.create({
      data: { findingId, from, to, actorId, note, ...(evidence ? { evidence: json(evidence) } : {}) },
    });
    const event = await appendEvent(tx, {
      spaceId,
      actorId,
      type: "finding.transitioned",
      subject: { releaseId: finding.releaseId, reportId: finding.reportId, findingId },
      data: { number: finding.number, title: finding.title, severity: finding.severity as Severity, from, to, note, ...(evidence ? { evidence } : {}) },
    });
    return ok({ from, to, receipt: event.receipt });
  });
}
