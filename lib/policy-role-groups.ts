// The role lists the policy's rules (lib/policy.ts) and conditions name, and the charter's defaults.
import { roles } from "@/lib/roles";
import type { SpaceRole } from "@/lib/policy-resource";

export const stewards = ["owner", "steward"] as const;
export const reviewers = ["owner", "steward", "auditor"] as const;
export const anyMember = roles;

/**
 * The defaults of the charter's role lists; a charter-governed action asked without a charter falls back to
 * them too. lib/charter/rules.ts builds the default charter from these, and the charter schema defaults to them.
 */
export const charterRoleDefaults = {
  fileRoles: reviewers,
  whoInvites: stewards,
  whoGrantsOwner: ["owner"],
  /** Who votes on a decision by default: binding, and advisory only. */
  bindingRoles: stewards,
  advisoryRoles: ["auditor", "member"],
} as const satisfies Record<string, readonly SpaceRole[]>;
