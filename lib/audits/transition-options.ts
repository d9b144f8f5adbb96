// Which next statuses to offer a viewer for a finding: the lifecycle's moves the policy lets them make.
import { findingTransitions, type FindingStatus } from "@/lib/audits/rules";
import { can } from "@/lib/policy";
import type { PolicyActor, PolicyResource } from "@/lib/policy-resource";

/**
 * The statuses a finding can move to from `from` that the policy allows this actor, asked with the same facts
 * the use case passes (the space and the report's author). The note and evidence a move needs are asked by
 * the form, so they do not decide what is offered.
 */
export function allowedFindingTargets({
  from,
  actor,
  space,
  authorId,
}: {
  from: FindingStatus;
  actor: PolicyActor;
  space: NonNullable<PolicyResource["space"]>;
  authorId: string;
}): FindingStatus[] {
  return findingTransitions[from].filter((to) => can(actor, "finding.transition", { space, authorId, finding: { from, to } }).allow);
}
