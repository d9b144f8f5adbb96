// auditGateForRelease against real rows: blocking findings, required categories, staleness after artifacts change.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditGateForRelease } from "@/lib/audits/release-gate";
import { fileAuditReport } from "@/lib/audits/use-cases/file-audit-report";
import { moveFinding } from "@/lib/audits/use-cases/move-finding";
import { releaseAudits } from "@/lib/audits/use-cases/release-audits";
import { reviewAuditReport } from "@/lib/audits/use-cases/review-audit-report";
import { auditWorld, digestOf, reportInput } from "./support";

async function file(w: Awaited<ReturnType<typeof auditWorld>>, category: string, findings: unknown[] = []) {
  const result = await fileAuditReport(w.auditor, reportInput(w.release.id, w.digests, { category, findings }));
  if (!result.ok) throw new Error(result.error.message);
  await reviewAuditReport(w.steward, { reportId: result.data.reportId, verdict: "accept" });
  return result.data.reportId;
}

describe("auditGateForRelease", () => {
  it("blocks on missing required categories, then on an open high finding, and clears once it is verified", async () => {
    const w = await auditWorld();
    const empty = await auditGateForRelease(w.release.id);
    expect(empty.blocked).toBe(true);
    expect(empty.reasons.map((r) => [r.code, r.category])).toEqual([["MISSING_CATEGORY", "safety"], ["MISSING_CATEGORY", "license-compliance"]]);

    const safety = await file(w, "safety", [{ title: "Jailbreak", severity: "high", affectedDigests: [w.digests[0]] }]);
    await file(w, "license-compliance");
    const finding = await db.finding.findFirstOrThrow({ where: { reportId: safety } });
    const blocked = await auditGateForRelease(w.release.id);
    expect(blocked).toMatchObject({ blocked: true, reasons: [{ code: "BLOCKING_FINDING", findingId: finding.id, message: expect.stringContaining("'Jailbreak' (high) is open") }] });
    expect(blocked.unblockHints[0]).toMatch(/Mitigate 'Jailbreak'/);

    await moveFinding(w.member, { findingId: finding.id, status: "mitigated", evidence: { url: "https://example.org/fix" } });
    expect((await auditGateForRelease(w.release.id)).reasons[0]?.message).toMatch(/mitigated but not yet verified/);
    await moveFinding(w.auditor2, { findingId: finding.id, status: "verified" });
    expect(await auditGateForRelease(w.release.id)).toEqual({ blocked: false, reasons: [], unblockHints: [] });

    const view = await releaseAudits(null, w.release.id);
    expect(view).toMatchObject({ ok: true, data: { canFile: false, coverage: { counts: { accepted: 2 } } } });
  });

  it("marks reports stale once an examined artifact changes, and they stop counting", async () => {
    const w = await auditWorld();
    await file(w, "safety");
    await file(w, "license-compliance");
    expect((await auditGateForRelease(w.release.id)).blocked).toBe(false);
    await db.artifact.updateMany({ where: { releaseId: w.release.id, name: "weights" }, data: { digest: digestOf("9") } });
    const gate = await auditGateForRelease(w.release.id);
    expect(gate.blocked).toBe(true);
    expect(gate.reasons.map((r) => r.message)).toEqual([
      "The safety audit report examined files that are no longer in this release.",
      "The license compliance audit report examined files that are no longer in this release.",
    ]);
    const view = await releaseAudits(w.auditor, w.release.id);
    expect(view.ok && view.data.reports.every((r) => r.stale)).toBe(true);
  });

  it("answers a missing release as blocked with RELEASE_NOT_FOUND", async () => {
    expect(await auditGateForRelease("missing")).toMatchObject({ blocked: true, reasons: [{ code: "RELEASE_NOT_FOUND" }] });
  });
});
