// Which next statuses to offer a viewer for a finding: the lifecycle and the role rules, before any note is written.
import { checkFindingTransition, findingTransitions, type FindingStatus } from "@/lib/audits/rules";
import type { Role } from "@/lib/charter/schema";

export function allowedFindingTargets({ from, actorRole, isReportAuthor }: { from: FindingStatus; actorRole: Role | null; isReportAuthor: boolean }): FindingStatus[] {
  if (!actorRole) return [];
  // A placeholder note and evidence: the form asks for them, so they do not decide what is offered.
  return findingTransitions[from].filter((to) => checkFindingTransition({ from, to, actorRole, isReportAuthor, note: "x", evidence: "x" }).ok);
}
