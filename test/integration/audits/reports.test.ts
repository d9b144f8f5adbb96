// Filing audit reports: rows and the audit.filed event, or a refusal that changes nothing.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { defaultCharter } from "@/lib/charter/rules";
import { exportAuditFindings } from "@/lib/audits/use-cases/export-audit-findings";
import { fileAuditReport } from "@/lib/audits/use-cases/file-audit-report";
import { viewAuditReport } from "@/lib/audits/use-cases/view-audit-report";
import { eventsFor } from "@/test/support/factories";
import { auditState, auditWorld, createRelease, digestOf, reportInput } from "./support";

describe("fileAuditReport", () => {
  it("lets an auditor file a report with findings and evidence: rows and one audit.filed event", async () => {
    const w = await auditWorld();
    const result = await fileAuditReport(w.auditor, reportInput(w.release.id, w.digests.slice(0, 2)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = await db.auditReport.findUniqueOrThrow({ where: { id: result.data.reportId }, include: { findings: { orderBy: { number: "asc" } } } });
    expect(report).toMatchObject({ spaceId: w.space.id, releaseId: w.release.id, authorId: w.auditor.id, category: "safety", verdict: "concerns", scopeDigests: w.digests.slice(0, 2) });
    expect(report.evidence).toEqual([{ url: "https://example.org/runs/42", sha256: `sha256:${"b".repeat(64)}` }]);
    expect(report.findings.map((f) => [f.number, f.severity, f.status])).toEqual([[1, "high", "open"], [2, "low", "open"]]);

    const [event] = await eventsFor({ spaceId: w.space.id, type: "audit.filed" });
    expect(event?.actorId).toBe(w.auditor.id);
    expect(event?.subject).toEqual({ releaseId: w.release.id, reportId: report.id });
    expect(event?.data).toMatchObject({ category: "safety", verdict: "concerns", findings: [{ findingId: report.findings[0]!.id, number: 1, severity: "high" }, { number: 2 }] });
    expect(event?.hash).toBe(result.data.receipt);

    const viewed = await viewAuditReport(null, report.id);
    expect(viewed).toMatchObject({ ok: true, data: { report: { status: "pending", stale: false, findings: [{ anchor: "finding-1" }, { anchor: "finding-2" }] } } });
    const exported = await exportAuditFindings(null, report.id);
    expect(exported).toMatchObject({ ok: true, data: { format: "commonweights.findings/v1", findings: [{ number: 1, status: "open", severity: "high" }, { number: 2 }] } });
  });

  it("lets a member file once the charter allows members to", async () => {
    const charter = defaultCharter();
    charter.audits.fileRoles = ["owner", "steward", "auditor", "member"];
    const w = await auditWorld({ charter });
    expect((await fileAuditReport(w.member, reportInput(w.release.id, w.digests))).ok).toBe(true);
  });

  it("refuses a member under the default charter with FORBIDDEN, and an anonymous caller with UNAUTHENTICATED", async () => {
    const w = await auditWorld();
    const before = await auditState(w.space.id);
    await expect(fileAuditReport(w.member, reportInput(w.release.id, w.digests))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(fileAuditReport(w.outsider, reportInput(w.release.id, w.digests))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(fileAuditReport(null, reportInput(w.release.id, w.digests))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await auditState(w.space.id)).toEqual(before);
  });

  it("answers a report on a release of another space exactly like a missing release, and changes nothing", async () => {
    const w = await auditWorld();
    const other = await auditWorld();
    const before = [await auditState(w.space.id), await auditState(other.space.id)];
    const result = await fileAuditReport(w.auditor, { ...reportInput(other.release.id, other.digests), spaceSlug: w.space.slug });
    const missing = await fileAuditReport(w.auditor, { ...reportInput("no-such-release", other.digests), spaceSlug: w.space.slug });
    expect(result).toEqual({ ok: false, error: { code: "RELEASE_NOT_FOUND", message: "There is no such release.", kind: "not_found" } });
    expect(result).toEqual(missing);
    expect([await auditState(w.space.id), await auditState(other.space.id)]).toEqual(before);
  });

  it("refuses digests that are not the release's (scope or finding) and findings outside the scope", async () => {
    const w = await auditWorld();
    const before = await auditState(w.space.id);
    const foreign = digestOf("f");
    const scope = await fileAuditReport(w.auditor, reportInput(w.release.id, [w.digests[0]!, foreign]));
    expect(scope).toMatchObject({ ok: false, error: { code: "DIGEST_NOT_IN_RELEASE", fields: { "scopeDigests.1": [expect.any(String)] } } });
    const finding = await fileAuditReport(
      w.auditor,
      reportInput(w.release.id, w.digests, { findings: [{ title: "Leak", severity: "high", affectedDigests: [foreign] }] }),
    );
    expect(finding).toMatchObject({ ok: false, error: { code: "DIGEST_NOT_IN_RELEASE" } });
    const outOfScope = await fileAuditReport(
      w.auditor,
      reportInput(w.release.id, [w.digests[0]!], { findings: [{ title: "Leak", severity: "high", affectedDigests: [w.digests[1]] }] }),
    );
    expect(outOfScope).toMatchObject({ ok: false, error: { code: "DIGEST_OUT_OF_SCOPE" } });
    expect(await auditState(w.space.id)).toEqual(before);
  });

  it("refuses oversize text with TEXT_TOO_LONG, malformed input with INVALID_INPUT, a missing release with RELEASE_NOT_FOUND", async () => {
    const w = await auditWorld();
    const before = await auditState(w.space.id);
    expect(await fileAuditReport(w.auditor, reportInput(w.release.id, w.digests, { summary: "x".repeat(50_001) }))).toMatchObject({
      ok: false,
      error: { code: "TEXT_TOO_LONG", kind: "invalid" },
    });
    expect(
      await fileAuditReport(w.auditor, reportInput(w.release.id, w.digests, { findings: [{ title: "t".repeat(201), severity: "low", affectedDigests: [w.digests[0]] }] })),
    ).toMatchObject({ ok: false, error: { code: "TEXT_TOO_LONG" } });
    expect(await fileAuditReport(w.auditor, reportInput(w.release.id, w.digests, { category: "vibes" }))).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await fileAuditReport(w.auditor, reportInput("no-such-release", w.digests))).toMatchObject({ ok: false, error: { code: "RELEASE_NOT_FOUND" } });
    expect(await auditState(w.space.id)).toEqual(before);
  });

  it("refuses a withdrawn release with RELEASE_WITHDRAWN", async () => {
    const w = await auditWorld();
    const withdrawn = await createRelease(w.space.id, w.member.id);
    await db.release.update({ where: { id: withdrawn.id }, data: { status: "withdrawn" } });
    const before = await auditState(w.space.id);
    expect(await fileAuditReport(w.auditor, reportInput(withdrawn.id, w.digests))).toMatchObject({ ok: false, error: { code: "RELEASE_WITHDRAWN" } });
    expect(await auditState(w.space.id)).toEqual(before);
  });
});
