import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  checkFindingTransition,
  findingStatuses,
  isResolved,
  isStale,
  reportStatus,
  type FindingStatus,
  type Review,
} from "@/lib/audits/rules";
import { roles, type Role } from "@/lib/roles";

type Who = "anyone" | "reviewers" | "stewards" | "reopeners";
type Expected = "ok" | "INVALID_TRANSITION" | "FORBIDDEN_ROLE" | "STEWARD_ONLY";

// The lifecycle as specified; every pair not listed here is an illegal jump.
const legal: Partial<Record<FindingStatus, Partial<Record<FindingStatus, Who>>>> = {
  open: { acknowledged: "anyone", mitigated: "anyone", accepted_risk: "stewards", wont_fix: "stewards" },
  acknowledged: { mitigated: "anyone", accepted_risk: "stewards", wont_fix: "stewards" },
  mitigated: { verified: "reviewers", acknowledged: "reviewers", accepted_risk: "stewards" },
  accepted_risk: { open: "reopeners" },
  wont_fix: { open: "reopeners" },
};

function expected(from: FindingStatus, to: FindingStatus, role: Role, author: boolean): Expected {
  const who = legal[from]?.[to];
  if (!who) return "INVALID_TRANSITION";
  const steward = role === "owner" || role === "steward";
  const reviewer = steward || role === "auditor";
  if (who === "stewards") return steward ? "ok" : "STEWARD_ONLY";
  if (who === "reviewers") return reviewer ? "ok" : "FORBIDDEN_ROLE";
  if (who === "reopeners") return reviewer || author ? "ok" : "FORBIDDEN_ROLE";
  return "ok";
}

const table = findingStatuses.flatMap((from) =>
  findingStatuses.flatMap((to) =>
    roles.flatMap((role) => [false, true].map((author) => [from, to, role, author, expected(from, to, role, author)] as const)),
  ),
);

describe("checkFindingTransition", () => {
  it("covers every from × to × role × authorship combination", () => {
    expect(table).toHaveLength(6 * 6 * 4 * 2);
  });

  it.each(table)("%s → %s by %s (report author: %s) is %s", (from, to, actorRole, isReportAuthor, outcome) => {
    const result = checkFindingTransition({
      from,
      to,
      actorRole,
      isReportAuthor,
      note: "Patched the system prompt template; see eval run 4411.",
      evidence: "https://github.com/acme/llama-ft/pull/212",
    });
    expect(result.ok ? "ok" : result.code).toBe(outcome);
  });

  it("lists the allowed next states when a jump is illegal", () => {
    const result = checkFindingTransition({ from: "open", to: "verified", actorRole: "steward", isReportAuthor: false });
    expect(result).toEqual({
      ok: false,
      code: "INVALID_TRANSITION",
      message: "A finding that is open cannot become verified. Allowed next states: acknowledged, mitigated, accepted risk, won't fix.",
    });
    const final = checkFindingTransition({ from: "verified", to: "open", actorRole: "owner", isReportAuthor: true });
    expect(final.ok === false && final.message).toContain("Allowed next states: none (it is final).");
  });

  it.each<[string, string | null | undefined, string | null | undefined, boolean]>([
    ["no note, no evidence", undefined, undefined, false],
    ["blank note and evidence", "   ", "", false],
    ["null note and evidence", null, null, false],
    ["a note", "Added input filter in PR #212", undefined, true],
    ["an evidence link", undefined, "https://github.com/acme/llama-ft/commit/9f2c1e", true],
  ])("mitigating with %s", (_name, note, evidence, ok) => {
    const result = checkFindingTransition({ from: "open", to: "mitigated", actorRole: "member", isReportAuthor: false, note, evidence });
    expect(result.ok ? "ok" : result.code).toBe(ok ? "ok" : "EVIDENCE_REQUIRED");
  });

  it.each<[FindingStatus, FindingStatus]>([
    ["open", "accepted_risk"],
    ["acknowledged", "accepted_risk"],
    ["mitigated", "accepted_risk"],
    ["open", "wont_fix"],
    ["acknowledged", "wont_fix"],
  ])("%s → %s needs a reason", (from, to) => {
    const missing = checkFindingTransition({ from, to, actorRole: "steward", isReportAuthor: false, note: "  " });
    expect(missing.ok ? "ok" : missing.code).toBe("REASON_REQUIRED");
    const given = checkFindingTransition({ from, to, actorRole: "steward", isReportAuthor: false, note: "Only reachable with admin tokens." });
    expect(given.ok).toBe(true);
  });

  it("checks the role before asking for a reason", () => {
    const result = checkFindingTransition({ from: "open", to: "accepted_risk", actorRole: "auditor", isReportAuthor: true });
    expect(result).toMatchObject({ ok: false, code: "STEWARD_ONLY" });
    expect(result.ok === false && result.message).toBe("Only an owner or steward can mark a finding as accepted risk; you are an auditor.");
  });
});

describe("isResolved", () => {
  it.each<[FindingStatus, boolean]>([
    ["open", false],
    ["acknowledged", false],
    ["mitigated", false],
    ["verified", true],
    ["accepted_risk", true],
    ["wont_fix", true],
  ])("%s → %s", (status, resolved) => {
    expect(isResolved(status)).toBe(resolved);
  });
});

describe("reportStatus", () => {
  const at = (day: number) => new Date(Date.UTC(2025, 2, day));
  const r = (reviewerId: string, verdict: Review["verdict"], day: number): Review => ({ reviewerId, verdict, createdAt: at(day) });

  it.each<[string, Review[], ReturnType<typeof reportStatus>]>([
    ["no reviews", [], "pending"],
    ["one accept", [r("u_grace", "accept", 1)], "accepted"],
    ["changes requested", [r("u_grace", "request_changes", 1)], "changes_requested"],
    ["changes then accept by the same reviewer", [r("u_grace", "request_changes", 1), r("u_grace", "accept", 2)], "accepted"],
    ["accept then changes requested", [r("u_grace", "accept", 1), r("u_linus", "request_changes", 2)], "changes_requested"],
    ["a standing dispute outweighs a later accept", [r("u_linus", "dispute", 1), r("u_grace", "accept", 2)], "disputed"],
    ["a withdrawn dispute no longer counts", [r("u_linus", "dispute", 1), r("u_linus", "accept", 3), r("u_grace", "accept", 2)], "accepted"],
    ["order of input does not matter", [r("u_grace", "accept", 5), r("u_grace", "request_changes", 2)], "accepted"],
  ])("%s → %s", (_name, reviews, status) => {
    expect(reportStatus(reviews)).toBe(status);
  });
});

describe("isStale", () => {
  const a = "sha256:4f1c0d9e", b = "sha256:9a7be210", c = "sha256:c03d55aa";

  it.each<[string, string[], string[], boolean]>([
    ["all examined files still present", [a, b], [a, b, c], false],
    ["one examined file replaced", [a, b], [a, c], true],
    ["nothing examined", [], [a], false],
    ["release emptied", [a], [], true],
  ])("%s → %s", (_name, reportDigests, releaseDigests, stale) => {
    expect(isStale({ reportDigests, releaseDigests })).toBe(stale);
  });

  it("is never stale against a release that contains every examined digest", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^sha256:[0-9a-f]{8}$/)), fc.array(fc.stringMatching(/^sha256:[0-9a-f]{8}$/)), (examined, extra) => {
        expect(isStale({ reportDigests: examined, releaseDigests: [...extra, ...examined] })).toBe(false);
      }),
    );
  });
});
