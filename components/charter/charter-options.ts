// Choices and their labels for the charter editor's selects and checkbox groups.
import {
  auditCategories,
  auditCategoryLabels,
  severities,
  votingMethods,
  type Severity,
  type VotingMethod,
} from "@/lib/charter/schema";
import { rolePluralLabels, roles, type Role } from "@/lib/roles";

export type Option<T extends string> = { value: T; label: string };

export const roleOptions: Option<Role>[] = roles.map((value) => ({ value, label: rolePluralLabels[value] }));

export const methodLabels: Record<VotingMethod, string> = {
  "yes-no": "Yes / no",
  "apache-release": "Apache release (+1 / -1)",
  "apache-consensus": "Apache consensus (+1 / -1)",
  "lazy-consensus": "Lazy consensus (silence is assent)",
  plurality: "Plurality",
  approval: "Approval voting",
  irv: "Instant runoff (ranked)",
  schulze: "Schulze (ranked)",
};
export const methodOptions: Option<VotingMethod>[] = votingMethods.map((value) => ({ value, label: methodLabels[value] }));
export const apacheMethods: readonly VotingMethod[] = ["apache-release", "apache-consensus"];

export type QuorumChoice = "none" | "count" | "share";
export const quorumOptions: Option<QuorumChoice>[] = [
  { value: "none", label: "No quorum" },
  { value: "count", label: "A number of binding voters" },
  { value: "share", label: "A share of binding voters" },
];

const severityLabels: Record<Severity, string> = {
  critical: "Critical only",
  high: "High or worse",
  medium: "Medium or worse",
  low: "Low or worse",
  info: "Any finding (info or worse)",
};
export const severityOptions: Option<Severity>[] = severities.map((value) => ({ value, label: severityLabels[value] }));
export const categoryOptions = auditCategories.map((value) => {
  const label = auditCategoryLabels[value];
  return { value, label: label.charAt(0).toUpperCase() + label.slice(1) };
});
