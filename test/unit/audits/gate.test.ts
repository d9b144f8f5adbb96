import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { coverage, releaseGate, type GateFinding, type GateReport } from "@/lib/audits/gate";
import { findingStatuses, isResolved } from "@/lib/audits/rules";
import { severities, type AuditCategory, type Severity } from "@/lib/charter/schema";

const injection: GateFinding = { id: "f_inj", title: "Prompt injection bypasses system prompt", severity: "high", status: "open" };
const leak: GateFinding = { id: "f_leak", title: "Training data memorisation leaks emails", severity: "critical", status: "open" };
const typo: GateFinding = { id: "f_card", title: "Model card lists wrong context length", severity: "low", status: "open" };

function report(category: AuditCategory, overrides: Partial<GateReport> = {}): GateReport {
  return { id: `r_${category}`, category, status: "accepted", stale: false, findings: [], ...overrides };
}
const covered = [report("safety"), report("license-compliance")];
const required: AuditCategory[] = ["safety", "license-compliance"];
const withFinding = (f: Partial<GateFinding>) => [report("safety", { findings: [{ ...injection, ...f }] }), report("license-compliance")];

describe("releaseGate", () => {
  it.each<[string, Severity, GateReport[], Array<{ code: string; message: string }>, string[]]>([
    ["clean and covered", "high", covered, [], []],
    [
      "open high finding",
      "high",
      withFinding({ status: "open" }),
      [{ code: "BLOCKING_FINDING", message: "Finding 'Prompt injection bypasses system prompt' (high) is open." }],
      ["Mitigate 'Prompt injection bypasses system prompt' and have a steward or auditor verify it, or a steward accepts the risk with a reason"],
    ],
    [
      "acknowledged high finding",
      "high",
      withFinding({ status: "acknowledged" }),
      [{ code: "BLOCKING_FINDING", message: "Finding 'Prompt injection bypasses system prompt' (high) is acknowledged but not yet mitigated." }],
      ["Mitigate 'Prompt injection bypasses system prompt' and have a steward or auditor verify it, or a steward accepts the risk with a reason"],
    ],
    [
      "mitigated but unverified",
      "high",
      withFinding({ status: "mitigated" }),
      [{ code: "BLOCKING_FINDING", message: "Finding 'Prompt injection bypasses system prompt' (high) is mitigated but not yet verified." }],
      ["A steward or auditor verifies the mitigation of 'Prompt injection bypasses system prompt'"],
    ],
    ["verified finding", "high", withFinding({ status: "verified" }), [], []],
    ["accepted risk", "high", withFinding({ status: "accepted_risk" }), [], []],
    ["won't fix", "high", withFinding({ status: "wont_fix" }), [], []],
    ["open finding below the bar", "critical", withFinding({ status: "open" }), [], []],
    ["open low finding, info bar", "info", [report("safety", { findings: [typo] }), report("license-compliance")], [
      { code: "BLOCKING_FINDING", message: "Finding 'Model card lists wrong context length' (low) is open." },
    ], ["Mitigate 'Model card lists wrong context length' and have a steward or auditor verify it, or a steward accepts the risk with a reason"]],
    [
      "blocking finding in a stale report still blocks",
      "high",
      [report("safety"), report("license-compliance"), report("safety", { id: "r_old", stale: true, findings: [injection] })],
      [{ code: "BLOCKING_FINDING", message: "Finding 'Prompt injection bypasses system prompt' (high) is open." }],
      ["Mitigate 'Prompt injection bypasses system prompt' and have a steward or auditor verify it, or a steward accepts the risk with a reason"],
    ],
    [
      "missing category",
      "high",
      [report("safety")],
      [{ code: "MISSING_CATEGORY", message: "No license compliance audit report has been filed." }],
      ["File and accept a license compliance audit report"],
    ],
    [
      "only a stale accepted report",
      "high",
      [report("safety", { stale: true }), report("license-compliance")],
      [{ code: "MISSING_CATEGORY", message: "The safety audit report examined files that are no longer in this release." }],
      ["File and accept a safety audit report for the current release files"],
    ],
    [
      "pending report",
      "high",
      [report("safety", { status: "pending" }), report("license-compliance")],
      [{ code: "MISSING_CATEGORY", message: "The safety audit report has not been reviewed yet." }],
      ["A steward or auditor reviews and accepts the safety audit report"],
    ],
    [
      "changes requested",
      "high",
      [report("safety", { status: "changes_requested" }), report("license-compliance")],
      [{ code: "MISSING_CATEGORY", message: "Changes were requested on the safety audit report." }],
      ["The auditor revises the safety audit report and a reviewer accepts it"],
    ],
    [
      "disputed report",
      "high",
      [report("safety", { status: "disputed" }), report("license-compliance")],
      [{ code: "MISSING_CATEGORY", message: "The safety audit report is disputed." }],
      ["Settle the dispute on the safety audit report, or file and accept a new one"],
    ],
    ["accepted report in another category does not count", "high", [report("security"), report("license-compliance")], [
      { code: "MISSING_CATEGORY", message: "No safety audit report has been filed." },
    ], ["File and accept a safety audit report"]],
    [
      "findings and gaps together, most severe first",
      "high",
      [report("safety", { findings: [typo, injection, leak] })],
      [
        { code: "BLOCKING_FINDING", message: "Finding 'Training data memorisation leaks emails' (critical) is open." },
        { code: "BLOCKING_FINDING", message: "Finding 'Prompt injection bypasses system prompt' (high) is open." },
        { code: "MISSING_CATEGORY", message: "No license compliance audit report has been filed." },
      ],
      [
        "Mitigate 'Training data memorisation leaks emails' and have a steward or auditor verify it, or a steward accepts the risk with a reason",
        "Mitigate 'Prompt injection bypasses system prompt' and have a steward or auditor verify it, or a steward accepts the risk with a reason",
        "File and accept a license compliance audit report",
      ],
    ],
  ])("%s", (_name, blockingSeverity, reports, reasons, hints) => {
    const gate = releaseGate({ blockingSeverity, requiredCategories: required, reports });
    expect(gate.blocked).toBe(reasons.length > 0);
    expect(gate.reasons.map(({ code, message }) => ({ code, message }))).toEqual(reasons);
    expect(gate.unblockHints).toEqual(hints);
  });

  it("points reasons at the finding or category", () => {
    const gate = releaseGate({ blockingSeverity: "high", requiredCategories: ["privacy"], reports: [report("safety", { findings: [leak] })] });
    expect(gate.reasons).toEqual([
      expect.objectContaining({ code: "BLOCKING_FINDING", findingId: "f_leak" }),
      expect.objectContaining({ code: "MISSING_CATEGORY", category: "privacy" }),
    ]);
  });

  it("blocks exactly when an unresolved finding meets the bar or a required category is uncovered", () => {
    const finding = fc.record({
      id: fc.uuid(),
      title: fc.constantFrom("Jailbreak via role-play", "Unlicensed code in training set", "PII in eval set"),
      severity: fc.constantFrom(...severities),
      status: fc.constantFrom(...findingStatuses),
    });
    const gateReport = fc.record({
      id: fc.uuid(),
      category: fc.constantFrom<AuditCategory>("safety", "license-compliance", "privacy"),
      status: fc.constantFrom("accepted", "pending", "disputed", "changes_requested"),
      stale: fc.boolean(),
      findings: fc.array(finding, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...severities), fc.array(gateReport, { maxLength: 5 }), (bar, reports) => {
        const gate = releaseGate({ blockingSeverity: bar, requiredCategories: required, reports });
        const findingBlocks = reports.some((r) =>
          r.findings.some((f) => !isResolved(f.status) && severities.indexOf(f.severity) <= severities.indexOf(bar)),
        );
        const gap = required.some((c) => !reports.some((r) => r.category === c && r.status === "accepted" && !r.stale));
        expect(gate.blocked).toBe(findingBlocks || gap);
        expect(gate.unblockHints.length > 0).toBe(gate.blocked);
      }),
    );
  });
});

describe("coverage", () => {
  it("classifies each category by its best report and counts unresolved findings by severity", () => {
    const result = coverage({
      categories: ["safety", "license-compliance", "privacy", "security", "evaluation"],
      reports: [
        report("safety", { findings: [injection, { ...typo, status: "verified" }] }),
        report("safety", { id: "r_old", stale: true, findings: [leak] }),
        report("license-compliance", { status: "pending", findings: [{ ...typo, id: "f2", status: "mitigated" }] }),
        report("privacy", { stale: true }),
        report("security", { status: "disputed" }),
        report("security", { id: "r_sec2", stale: true }),
      ],
    });
    expect(result.categories).toEqual([
      { category: "safety", status: "accepted", reports: 2, accepted: 1, pending: 0, stale: 1 },
      { category: "license-compliance", status: "pending", reports: 1, accepted: 0, pending: 1, stale: 0 },
      { category: "privacy", status: "stale", reports: 1, accepted: 0, pending: 0, stale: 1 },
      { category: "security", status: "pending", reports: 2, accepted: 0, pending: 1, stale: 1 },
      { category: "evaluation", status: "missing", reports: 0, accepted: 0, pending: 0, stale: 0 },
    ]);
    expect(result.counts).toEqual({ accepted: 1, pending: 2, stale: 1, missing: 1 });
    expect(result.openFindings).toEqual({ critical: 1, high: 1, medium: 0, low: 1, info: 0 });
  });

  it("reports every requested category as missing when there are no reports", () => {
    const result = coverage({ categories: required, reports: [] });
    expect(result.categories.map((c) => c.status)).toEqual(["missing", "missing"]);
    expect(result.counts.missing).toBe(2);
  });
});
