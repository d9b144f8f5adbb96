// Reviews of reports and the finding lifecycle: rows and record events, or refusals that change nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { fileAuditReport } from "@/lib/audits/use-cases/file-audit-report";
import { moveFinding } from "@/lib/audits/use-cases/move-finding";
import { reviewAuditReport } from "@/lib/audits/use-cases/review-audit-report";
import { eventsFor } from "@/test/support/factories";
import { auditState, auditWorld, reportInput } from "./support";

async function filed() {
  const w = await auditWorld();
  const result = await fileAuditReport(w.auditor, reportInput(w.release.id, w.digests));
  if (!result.ok) throw new Error(result.error.code);
  const findings = await db.finding.findMany({ where: { reportId: result.data.reportId }, orderBy: { number: "asc" } });
  return { ...w, reportId: result.data.reportId, high: findings[0]!, low: findings[1]! };
}

describe("reviewAuditReport", () => {
  it("records a steward's acceptance: a review row and audit.reviewed with the new status", async () => {
    const w = await filed();
    const result = await reviewAuditReport(w.steward, { reportId: w.reportId, verdict: "accept", comment: "Solid method." });
    expect(result).toMatchObject({ ok: true, data: { status: "accepted" } });
    expect(await db.auditReview.findMany({ where: { reportId: w.reportId } })).toMatchObject([{ reviewerId: w.steward.id, verdict: "accept", comment: "Solid method." }]);
    const [event] = await eventsFor({ spaceId: w.space.id, type: "audit.reviewed" });
    expect(event?.subject).toEqual({ releaseId: w.release.id, reportId: w.reportId });
    expect(event?.data).toMatchObject({ verdict: "accept", status: "accepted", comment: "Solid method." });
  });

  it("shows a dispute by another auditor as disputed", async () => {
    const w = await filed();
    await reviewAuditReport(w.steward, { reportId: w.reportId, verdict: "accept" });
    expect(await reviewAuditReport(w.auditor2, { reportId: w.reportId, verdict: "dispute", comment: "Prompts leaked into training." })).toMatchObject({
      ok: true,
      data: { status: "disputed" },
    });
  });

  it("refuses a review of one's own report (OWN_REPORT), a member (FORBIDDEN), a dispute without comment (COMMENT_REQUIRED)", async () => {
    const w = await filed();
    const before = await auditState(w.space.id);
    expect(await reviewAuditReport(w.auditor, { reportId: w.reportId, verdict: "accept" })).toMatchObject({ ok: false, error: { code: "OWN_REPORT", kind: "forbidden" } });
    await expect(reviewAuditReport(w.member, { reportId: w.reportId, verdict: "accept" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await reviewAuditReport(w.steward, { reportId: w.reportId, verdict: "dispute", comment: "  " })).toMatchObject({ ok: false, error: { code: "COMMENT_REQUIRED" } });
    expect(await reviewAuditReport(w.steward, { reportId: w.reportId, verdict: "accept", comment: "x".repeat(10_001) })).toMatchObject({ ok: false, error: { code: "TEXT_TOO_LONG" } });
    expect(await reviewAuditReport(w.steward, { reportId: "nope", verdict: "accept" })).toMatchObject({ ok: false, error: { code: "REPORT_NOT_FOUND" } });
    expect(await auditState(w.space.id)).toEqual(before);
  });
});

describe("moveFinding", () => {
  it("walks open -> mitigated (with evidence) -> verified: a transition row and finding.transitioned each time", async () => {
    const w = await filed();
    const evidence = { url: "https://github.com/lumen/pull/7", sha256: "c".repeat(64) };
    const mitigated = await moveFinding(w.member, { findingId: w.high.id, status: "mitigated", note: "Added an input filter.", evidence });
    expect(mitigated).toMatchObject({ ok: true, data: { from: "open", to: "mitigated" } });
    const verified = await moveFinding(w.steward, { findingId: w.high.id, status: "verified", note: "Re-ran the suite." });
    expect(verified).toMatchObject({ ok: true, data: { from: "mitigated", to: "verified" } });

    expect(await db.finding.findUniqueOrThrow({ where: { id: w.high.id } })).toMatchObject({ status: "verified" });
    const transitions = await db.findingTransition.findMany({ where: { findingId: w.high.id }, orderBy: { createdAt: "asc" } });
    expect(transitions).toMatchObject([
      { from: "open", to: "mitigated", actorId: w.member.id, note: "Added an input filter.", evidence: { url: evidence.url, sha256: `sha256:${"c".repeat(64)}` } },
      { from: "mitigated", to: "verified", actorId: w.steward.id, evidence: null },
    ]);
    const events = await eventsFor({ spaceId: w.space.id, type: "finding.transitioned" });
    expect(events.map((e) => e.subject)).toEqual([
      { releaseId: w.release.id, reportId: w.reportId, findingId: w.high.id },
      { releaseId: w.release.id, reportId: w.reportId, findingId: w.high.id },
    ]);
    expect(events.map((e) => (e.data as { to: string }).to)).toEqual(["mitigated", "verified"]);
  });

  it("lets a steward accept the risk with a reason", async () => {
    const w = await filed();
    expect(await moveFinding(w.steward, { findingId: w.low.id, status: "accepted_risk", note: "Cosmetic." })).toMatchObject({ ok: true, data: { to: "accepted_risk" } });
  });

  it("refuses jumps and roles the lifecycle does not allow, each with its code, and changes nothing", async () => {
    const w = await filed();
    const before = await auditState(w.space.id);
    const cases: Array<[typeof w.member, Record<string, unknown>, string]> = [
      [w.steward, { status: "verified" }, "INVALID_TRANSITION"],
      [w.member, { status: "accepted_risk", note: "Meh." }, "STEWARD_ONLY"],
      [w.member, { status: "wont_fix", note: "Meh." }, "STEWARD_ONLY"],
      [w.steward, { status: "accepted_risk" }, "REASON_REQUIRED"],
      [w.member, { status: "mitigated" }, "EVIDENCE_REQUIRED"],
      [w.member, { status: "mitigated", note: "x".repeat(10_001) }, "TEXT_TOO_LONG"],
      [w.member, { status: "fixed" }, "INVALID_INPUT"],
    ];
    for (const [actor, body, code] of cases) {
      expect(await moveFinding(actor, { findingId: w.high.id, ...body }), code).toMatchObject({ ok: false, error: { code } });
    }
    await expect(moveFinding(w.outsider, { findingId: w.high.id, status: "acknowledged" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await moveFinding(w.member, { findingId: "nope", status: "acknowledged" })).toMatchObject({ ok: false, error: { code: "FINDING_NOT_FOUND" } });
    expect(await auditState(w.space.id)).toEqual(before);
  });

  it("refuses a member verifying a mitigation (FORBIDDEN_ROLE)", async () => {
    const w = await filed();
    await moveFinding(w.member, { findingId: w.high.id, status: "mitigated", note: "Filtered." });
    const before = await auditState(w.space.id);
    expect(await moveFinding(w.member, { findingId: w.high.id, status: "verified" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN_ROLE" } });
    expect(await auditState(w.space.id)).toEqual(before);
  });
});
