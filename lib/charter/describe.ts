// Plain-language rendering of a charter and of what an amendment changes.
import {
  auditCategoryLabels,
  decisionKinds,
  type AuditCategory,
  type Charter,
  type DecisionKind,
  type DecisionRule,
  type Severity,
  type VotingMethod,
} from "@/lib/charter/schema";
import { roleName, rolePlurals, type Role } from "@/lib/roles";

export const decisionTitles: Record<DecisionKind, string> = {
  release: "Release votes",
  licensing: "Licensing votes",
  deployment: "Deployment votes",
  policy: "Policy votes",
  membership: "Membership votes",
  charter: "Charter votes",
};

const methodLabels: Record<VotingMethod, string> = {
  "yes-no": "yes/no",
  "apache-release": "Apache-style",
  "apache-consensus": "Apache consensus",
  "lazy-consensus": "lazy consensus",
  plurality: "plurality",
  approval: "approval voting",
  irv: "instant runoff",
  schulze: "Schulze ranked choice",
};


export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const roleList = (list: readonly Role[]) => joinWords(list.map((r) => rolePlurals[r]));
const categoryList = (list: readonly AuditCategory[]) => list.map((c) => auditCategoryLabels[c]).join(", ");

export function formatHours(hours: number): string {
  // Whole weeks and longer read better in days; shorter periods stay in hours, as Apache's "72 hours".
  if (hours >= 120 && hours % 24 === 0) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

function thresholdPhrase(threshold: number): string {
  if (threshold === 0.5) return "more yes than no";
  if (Math.abs(threshold - 2 / 3) < 1e-9) return "at least two-thirds yes";
  if (threshold === 1) return "unanimous yes";
  return `at least ${Math.round(threshold * 100)}% yes`;
}

function quorumPhrase(quorum: DecisionRule["quorum"]): string {
  if (quorum === null) return "no quorum";
  if (quorum.type === "count") return `a quorum of ${quorum.value} binding ${quorum.value === 1 ? "voter" : "voters"}`;
  if (quorum.value === 0.5) return "a quorum of half the binding voters";
  if (quorum.value === 1) return "a quorum of all binding voters";
  return `a quorum of ${Math.round(quorum.value * 100)}% of binding voters`;
}

function outcomePhrase(rule: DecisionRule): string {
  switch (rule.method) {
    case "apache-release":
    case "apache-consensus":
      return `at least ${rule.minPlusOnes} binding +1 and ${rule.veto ? "no binding -1 (a binding -1 is a veto)" : "more +1 than -1"}`;
    case "lazy-consensus":
      return rule.veto ? "passes unless a binding voter objects" : "passes unless more binding voters object than support";
    case "yes-no":
      return `${thresholdPhrase(rule.threshold)}${rule.veto ? ", a binding no is a veto" : ""}`;
    case "plurality":
      return "the option with the most votes wins";
    case "approval":
      return "the option approved by the most voters wins";
    case "irv":
    case "schulze":
      return "voters rank the options";
  }
}

function describeRule(kind: DecisionKind, rule: DecisionRule): string {
  const parts = [methodLabels[rule.method], outcomePhrase(rule)];
  if (rule.quorum !== null) parts.push(`with ${quorumPhrase(rule.quorum)}`);
  const early = rule.earlyClose ? ", though stewards may close it early once the outcome cannot change" : "";
  parts.push(`open at least ${formatHours(rule.minHours)} (at most ${formatHours(rule.maxHours)})${early}`);
  const advisory = rule.advisoryRoles.length > 0 ? `advisory: ${roleList(rule.advisoryRoles)}` : "no advisory voters";
  const concerns = rule.concernsBlock ? " An open concern raised by a binding voter keeps it from passing until resolved or overridden." : "";
  return `${decisionTitles[kind]}: ${parts.join(", ")}; binding voters: ${roleList(rule.bindingRoles)}; ${advisory}.${concerns}`;
}

function blockingSentence(severity: Severity): string {
  if (severity === "info") return "A release cannot go to a vote while any finding is unresolved.";
  const scope = severity === "critical" ? "critical severity" : `${severity} severity or worse`;
  return `A release cannot go to a vote while a finding of ${scope} is unresolved.`;
}

export type CharterDescription = {
  decisions: Array<{ kind: DecisionKind; title: string; sentence: string }>;
  audits: string[];
  membership: string[];
  amendments: string;
};

export function describeCharter(charter: Charter): CharterDescription {
  const { audits, membership } = charter;
  const grants = membership.whoGrantsOwner;
  return {
    decisions: decisionKinds.map((kind) => ({
      kind,
      title: decisionTitles[kind],
      sentence: describeRule(kind, charter.decisions[kind]),
    })),
    audits: [
      blockingSentence(audits.blockingSeverity),
      audits.requiredCategories.length > 0
        ? `Before a vote, a release needs an accepted audit report in each of: ${categoryList(audits.requiredCategories)}.`
        : "A release does not need any particular audit report before a vote.",
      `Audit reports may be filed by ${roleList(audits.fileRoles)}.`,
    ],
    membership: [
      `${capitalize(roleList(membership.whoInvites))} may invite new members.`,
      grants.length === 1 && grants[0] === roleName.owner
        ? "Only owners may make someone an owner."
        : `${capitalize(roleList(grants))} may make someone an owner.`,
    ],
    amendments: charter.amendments.viaDecision
      ? "The charter can only be amended by passing a charter vote."
      : "Owners may amend the charter directly, without a charter vote.",
  };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const yesNo = (b: boolean) => (b ? "yes" : "no");
const percent = (n: number) => `${Math.round(n * 100)}%`;
const quorumShort = (q: DecisionRule["quorum"]) =>
  q === null ? "none" : q.type === "count" ? `${q.value} binding voters` : `${percent(q.value)} of binding voters`;
const rolesOrNone = (list: readonly Role[]) => (list.length > 0 ? roleList(list) : "none");

function setChange<T extends string>(label: string, before: readonly T[], after: readonly T[], render: (s: T) => string) {
  const added = after.filter((x) => !before.includes(x)).map(render);
  const removed = before.filter((x) => !after.includes(x)).map(render);
  const parts = [added.length > 0 ? `added ${added.join(", ")}` : "", removed.length > 0 ? `removed ${removed.join(", ")}` : ""];
  const text = parts.filter(Boolean).join("; ");
  return text ? [`${label}: ${text}`] : [];
}

function diffRule(title: string, a: DecisionRule, b: DecisionRule): string[] {
  const out: string[] = [];
  const change = (what: string, from: string, to: string) => {
    if (from !== to) out.push(`${title}: ${what} ${from} → ${to}`);
  };
  change("method", methodLabels[a.method], methodLabels[b.method]);
  change("quorum", quorumShort(a.quorum), quorumShort(b.quorum));
  change("threshold", percent(a.threshold), percent(b.threshold));
  change("minimum binding +1", String(a.minPlusOnes), String(b.minPlusOnes));
  if (a.minHours !== b.minHours) out.push(`${title}: minimum voting period ${a.minHours} → ${b.minHours} hours`);
  if (a.maxHours !== b.maxHours) out.push(`${title}: maximum voting period ${a.maxHours} → ${b.maxHours} hours`);
  change("binding voters", rolesOrNone(a.bindingRoles), rolesOrNone(b.bindingRoles));
  change("advisory voters", rolesOrNone(a.advisoryRoles), rolesOrNone(b.advisoryRoles));
  change("binding -1 is a veto", yesNo(a.veto), yesNo(b.veto));
  change("early close allowed", yesNo(a.earlyClose), yesNo(b.earlyClose));
  change("open concerns block passing", yesNo(a.concernsBlock), yesNo(b.concernsBlock));
  return out;
}

/** Lists, in plain language, every rule an amendment from `a` to `b` changes; empty when identical. */
export function diffCharter(a: Charter, b: Charter): string[] {
  const out = decisionKinds.flatMap((kind) => diffRule(decisionTitles[kind], a.decisions[kind], b.decisions[kind]));
  if (a.audits.blockingSeverity !== b.audits.blockingSeverity) {
    out.push(`Audits: blocking severity ${a.audits.blockingSeverity} → ${b.audits.blockingSeverity}`);
  }
  const label = (c: AuditCategory) => auditCategoryLabels[c];
  out.push(...setChange("Audits: required categories", a.audits.requiredCategories, b.audits.requiredCategories, label));
  const plural = (r: Role) => rolePlurals[r];
  out.push(...setChange("Audits: who may file reports", a.audits.fileRoles, b.audits.fileRoles, plural));
  out.push(...setChange("Membership: who may invite", a.membership.whoInvites, b.membership.whoInvites, plural));
  out.push(
    ...setChange("Membership: who may make someone an owner", a.membership.whoGrantsOwner, b.membership.whoGrantsOwner, plural),
  );
  if (a.amendments.viaDecision !== b.amendments.viaDecision) {
    out.push(`Amendments: require a charter vote ${yesNo(a.amendments.viaDecision)} → ${yesNo(b.amendments.viaDecision)}`);
  }
  return out;
}
