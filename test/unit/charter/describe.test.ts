import { describe, it, expect } from "vitest";
import { defaultCharter, describeCharter, diffCharter, type Charter } from "@/lib/charter/rules";

describe("describeCharter", () => {
  const description = describeCharter(defaultCharter());
  const sentence = (kind: string) => description.decisions.find((d) => d.kind === kind)?.sentence;

  it("states the Apache release rule exactly", () => {
    expect(sentence("release")).toBe(
      "Release votes: Apache-style, at least 3 binding +1 and more +1 than -1, open at least 72 hours (at most 14 days); binding voters: owners and stewards; advisory: auditors and members.",
    );
  });

  it.each([
    [
      "licensing",
      "Licensing votes: yes/no, at least two-thirds yes, with a quorum of half the binding voters, open at least 7 days (at most 21 days); binding voters: owners and stewards; advisory: auditors and members.",
    ],
    [
      "deployment",
      "Deployment votes: Apache consensus, at least 3 binding +1 and no binding -1 (a binding -1 is a veto), open at least 72 hours (at most 14 days); binding voters: owners and stewards; advisory: auditors and members.",
    ],
    [
      "policy",
      "Policy votes: yes/no, more yes than no, with a quorum of half the binding voters, open at least 72 hours (at most 14 days); binding voters: owners and stewards; advisory: auditors and members.",
    ],
    [
      "membership",
      "Membership votes: lazy consensus, passes unless a binding voter objects, open at least 72 hours (at most 14 days); binding voters: owners and stewards; advisory: auditors and members.",
    ],
    [
      "charter",
      "Charter votes: yes/no, at least two-thirds yes, with a quorum of half the binding voters, open at least 7 days (at most 21 days); binding voters: owners and stewards; advisory: auditors and members.",
    ],
  ])("describes default %s votes", (kind, expected) => {
    expect(sentence(kind)).toBe(expected);
  });

  it("lists decisions in charter order with titles", () => {
    expect(description.decisions.map((d) => d.title)).toEqual([
      "Release votes",
      "Licensing votes",
      "Deployment votes",
      "Policy votes",
      "Membership votes",
      "Charter votes",
    ]);
  });

  it("describes the default audit, membership and amendment rules", () => {
    expect(description.audits).toEqual([
      "A release cannot go to a vote while a finding of high severity or worse is unresolved.",
      "Before a vote, a release needs an accepted audit report in each of: safety, license compliance.",
      "Audit reports may be filed by owners, stewards and auditors.",
    ]);
    expect(description.membership).toEqual(["Owners and stewards may invite new members.", "Only owners may make someone an owner."]);
    expect(description.amendments).toBe("Owners may amend the charter directly, without a charter vote.");
  });

  it.each<[string, (c: Charter) => void, (d: ReturnType<typeof describeCharter>) => string | undefined, string]>([
    ["critical-only blocking", (c) => { c.audits.blockingSeverity = "critical"; }, (d) => d.audits[0], "A release cannot go to a vote while a finding of critical severity is unresolved."],
    ["info blocking", (c) => { c.audits.blockingSeverity = "info"; }, (d) => d.audits[0], "A release cannot go to a vote while any finding is unresolved."],
    ["no required categories", (c) => { c.audits.requiredCategories = []; }, (d) => d.audits[1], "A release does not need any particular audit report before a vote."],
    ["amendments by vote", (c) => { c.amendments.viaDecision = true; }, (d) => d.amendments, "The charter can only be amended by passing a charter vote."],
    ["stewards grant owner", (c) => { c.membership.whoGrantsOwner = ["owner", "steward"]; }, (d) => d.membership[1], "Owners and stewards may make someone an owner."],
    [
      "count quorum, no advisory, early close",
      (c) => {
        Object.assign(c.decisions.policy, { quorum: { type: "count", value: 4 }, advisoryRoles: [], earlyClose: true, threshold: 0.6, minHours: 48, maxHours: 120 });
      },
      (d) => d.decisions[3]?.sentence,
      "Policy votes: yes/no, at least 60% yes, with a quorum of 4 binding voters, open at least 48 hours (at most 5 days), though stewards may close it early once the outcome cannot change; binding voters: owners and stewards; no advisory voters.",
    ],
    [
      "ranked choice",
      (c) => { Object.assign(c.decisions.policy, { method: "schulze", quorum: null, bindingRoles: ["owner", "steward", "auditor"], advisoryRoles: ["member"] }); },
      (d) => d.decisions[3]?.sentence,
      "Policy votes: Schulze ranked choice, voters rank the options, open at least 72 hours (at most 14 days); binding voters: owners, stewards and auditors; advisory: members.",
    ],
  ])("describes %s", (_name, mutate, pick, expected) => {
    const charter = defaultCharter();
    mutate(charter);
    expect(pick(describeCharter(charter))).toBe(expected);
  });
});

describe("diffCharter", () => {
  it("finds nothing between identical charters", () => {
    expect(diffCharter(defaultCharter(), defaultCharter())).toEqual([]);
  });

  it.each<[string, (c: Charter) => void, string[]]>([
    ["longer minimum", (c) => { c.decisions.release.minHours = 96; }, ["Release votes: minimum voting period 72 → 96 hours"]],
    ["shorter maximum", (c) => { c.decisions.licensing.maxHours = 240; }, ["Licensing votes: maximum voting period 504 → 240 hours"]],
    ["method", (c) => { c.decisions.deployment.method = "yes-no"; }, ["Deployment votes: method Apache consensus → yes/no"]],
    ["quorum", (c) => { c.decisions.release.quorum = { type: "count", value: 3 }; }, ["Release votes: quorum none → 3 binding voters"]],
    ["threshold", (c) => { c.decisions.policy.threshold = 0.75; }, ["Policy votes: threshold 50% → 75%"]],
    ["plus ones", (c) => { c.decisions.release.minPlusOnes = 5; }, ["Release votes: minimum binding +1 3 → 5"]],
    ["veto", (c) => { c.decisions.release.veto = true; }, ["Release votes: binding -1 is a veto no → yes"]],
    [
      "voters",
      (c) => { c.decisions.charter.bindingRoles = ["owner"]; c.decisions.charter.advisoryRoles = ["steward", "auditor", "member"]; },
      ["Charter votes: binding voters owners and stewards → owners", "Charter votes: advisory voters auditors and members → stewards, auditors and members"],
    ],
    ["blocking severity", (c) => { c.audits.blockingSeverity = "medium"; }, ["Audits: blocking severity high → medium"]],
    [
      "required categories",
      (c) => { c.audits.requiredCategories = ["safety", "privacy", "bias-fairness"]; },
      ["Audits: required categories: added privacy, bias and fairness; removed license compliance"],
    ],
    ["inviters", (c) => { c.membership.whoInvites = ["owner"]; }, ["Membership: who may invite: removed stewards"]],
    ["amendments", (c) => { c.amendments.viaDecision = true; }, ["Amendments: require a charter vote no → yes"]],
  ])("reports a changed %s", (_name, mutate, expected) => {
    const amended = defaultCharter();
    mutate(amended);
    expect(diffCharter(defaultCharter(), amended)).toEqual(expected);
  });

  it("ignores the order of role and category lists", () => {
    const amended = defaultCharter();
    amended.audits.requiredCategories = ["license-compliance", "safety"];
    amended.membership.whoInvites = ["steward", "owner"];
    expect(diffCharter(defaultCharter(), amended)).toEqual([]);
  });
});
