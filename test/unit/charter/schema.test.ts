import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { defaultCharter, parseCharter, decisionKinds, type Charter } from "@/lib/charter/rules";

type Mutation = (c: Charter) => void;
// Tests build invalid charters on purpose, so they write through an untyped view.
function setAt(charter: Charter, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = charter as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1] ?? ""] = value;
}

describe("charter schema", () => {
  it("accepts the default charter unchanged", () => {
    const result = parseCharter(defaultCharter());
    expect(result).toEqual({ ok: true, value: defaultCharter() });
  });

  it("fills in default audit filers and owner granters when omitted", () => {
    const raw = JSON.parse(JSON.stringify(defaultCharter())) as { audits: Record<string, unknown>; membership: Record<string, unknown> };
    delete raw.audits.fileRoles;
    delete raw.membership.whoGrantsOwner;
    const result = parseCharter(raw);
    expect(result.ok && result.value.audits.fileRoles).toEqual(["owner", "steward", "auditor"]);
    expect(result.ok && result.value.membership.whoGrantsOwner).toEqual(["owner"]);
  });

  it.each<[string, Mutation, string, string]>([
    ["min longer than max", (c) => { c.decisions.release.minHours = 400; }, "decisions.release.minHours", "longer than the maximum"],
    ["negative minimum", (c) => { c.decisions.policy.minHours = -1; }, "decisions.policy.minHours", "cannot be negative"],
    ["maximum over 90 days", (c) => { c.decisions.charter.maxHours = 24 * 90 + 1; }, "decisions.charter.maxHours", "cannot exceed 90 days"],
    ["role both binding and advisory", (c) => { c.decisions.licensing.advisoryRoles = ["member", "steward"]; }, "decisions.licensing.advisoryRoles.1", 'role "steward" cannot be both binding and advisory'],
    ["no binding roles", (c) => { c.decisions.deployment.bindingRoles = []; }, "decisions.deployment.bindingRoles", "At least one role must have a binding vote"],
    ["zero share quorum", (c) => { c.decisions.policy.quorum = { type: "share", value: 0 }; }, "decisions.policy.quorum.value", "greater than 0"],
    ["share quorum above 1", (c) => { c.decisions.policy.quorum = { type: "share", value: 1.2 }; }, "decisions.policy.quorum.value", "cannot exceed 1"],
    ["fractional count quorum", (c) => { c.decisions.membership.quorum = { type: "count", value: 2.5 }; }, "decisions.membership.quorum.value", "whole number"],
    ["zero count quorum", (c) => { c.decisions.membership.quorum = { type: "count", value: 0 }; }, "decisions.membership.quorum.value", "at least 1 voter"],
    ["huge count quorum", (c) => { c.decisions.membership.quorum = { type: "count", value: 1e6 }; }, "decisions.membership.quorum.value", "cannot exceed 100,000 voters"],
    ["huge +1 minimum", (c) => { c.decisions.release.minPlusOnes = 1e9; }, "decisions.release.minPlusOnes", "cannot exceed 100,000"],
    ["minimum over 90 days", (c) => { c.decisions.policy.minHours = 1e308; }, "decisions.policy.minHours", "cannot exceed 90 days"],
    ["threshold below majority", (c) => { c.decisions.charter.threshold = 0.4; }, "decisions.charter.threshold", "at least 0.5"],
    ["threshold above unanimity", (c) => { c.decisions.charter.threshold = 1.1; }, "decisions.charter.threshold", "cannot exceed 1"],
    ["apache vote without +1s", (c) => { c.decisions.release.minPlusOnes = 0; }, "decisions.release.minPlusOnes", "at least 1 binding +1"],
    ["unknown voting method", (c) => setAt(c, "decisions.release.method", "ranked-pairs"), "decisions.release.method", "Voting method must be one of"],
    ["unknown role", (c) => setAt(c, "membership.whoInvites", ["admin"]), "membership.whoInvites.0", "Role must be one of"],
    ["duplicate role", (c) => { c.membership.whoInvites = ["owner", "owner"]; }, "membership.whoInvites.1", 'lists "owner" twice'],
    ["unknown severity", (c) => setAt(c, "audits.blockingSeverity", "severe"), "audits.blockingSeverity", "Blocking severity must be one of"],
    ["unknown audit category", (c) => setAt(c, "audits.requiredCategories", ["safety", "vibes"]), "audits.requiredCategories.1", "Audit category must be one of"],
    ["nobody may file reports", (c) => { c.audits.fileRoles = []; }, "audits.fileRoles", "At least one role must be allowed to file"],
    ["nobody may grant owner", (c) => { c.membership.whoGrantsOwner = []; }, "membership.whoGrantsOwner", "grant the owner role"],
    ["unknown decision kind", (c) => setAt(c, "decisions.hiring", defaultCharter().decisions.policy), "decisions", "hiring"],
  ])("refuses %s at its path", (_name, mutate, path, fragment) => {
    const charter = defaultCharter();
    mutate(charter);
    const result = parseCharter(charter);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("INVALID_CHARTER");
    const issue = result.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue?.message).toContain(fragment);
    expect(result.message).toContain(path);
  });

  it("reports every problem, not only the first", () => {
    const charter = defaultCharter();
    charter.decisions.release.minHours = 500;
    charter.decisions.policy.bindingRoles = [];
    const result = parseCharter(charter);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual(["decisions.policy.bindingRoles", "decisions.release.minHours"]);
    expect(result.message).toMatch(/^The charter has 2 problems/);
  });

  it("accepts any period with 0 <= min <= max <= 90 days", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...decisionKinds),
        fc.integer({ min: 0, max: 24 * 90 }),
        fc.integer({ min: 0, max: 24 * 90 }),
        (kind, x, y) => {
          const charter = defaultCharter();
          charter.decisions[kind].minHours = Math.min(x, y);
          charter.decisions[kind].maxHours = Math.max(x, y);
          expect(parseCharter(charter).ok).toBe(true);
        },
      ),
    );
  });
});
