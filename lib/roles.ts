// The vocabulary of roles in a space: their names, the input schema and how they read in a sentence.
// No rules here: who may do what with a role lives in lib/policy.ts.
import { z } from "zod";

export const roles = ["owner", "steward", "auditor", "member"] as const;
export type Role = (typeof roles)[number];

/** Each role by name, for code that must name one (the creator is an owner, a join request makes a member). */
export const roleName = { owner: "owner", steward: "steward", auditor: "auditor", member: "member" } as const satisfies { [R in Role]: R };

export const roleInput = z.enum(roles, { error: `Role must be one of: ${roles.join(", ")}.` });

/** "owners", "stewards", ... as used inside a sentence. */
export const rolePlurals: Record<Role, string> = { owner: "owners", steward: "stewards", auditor: "auditors", member: "members" };

/** "Owners", "Stewards", ... as labels of choices. */
export const rolePluralLabels: Record<Role, string> = { owner: "Owners", steward: "Stewards", auditor: "Auditors", member: "Members" };

/** The badge a role is shown with: the roles that steward a space stand out. */
export const roleTone: Record<Role, "brand" | "neutral"> = { owner: "brand", steward: "brand", auditor: "neutral", member: "neutral" };

/** The roles from least to most responsibility: the order to offer them in. */
export const rolesLeastFirst: readonly Role[] = [...roles].reverse();

/** "owners, stewards or auditors" */
export function roleList(list: readonly Role[], conjunction: "or" | "and" = "or"): string {
  return list.map((r) => rolePlurals[r]).join(", ").replace(/, ([^,]*)$/, ` ${conjunction} $1`);
}

/** "an owner", "a steward" */
export function withArticle(name: Role): string {
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
