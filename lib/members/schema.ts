// Inputs for membership: roles, invitations, join requests. One schema per use case, shared by the server
// action and the API route; the API takes the space (and member) from its path, so it reads the …Fields part.
import { z } from "zod";
import { roleInput } from "@/lib/roles";

const spaceSlug = z.string().min(1).max(40);
const userId = z.string().min(1).max(64);

export const addMemberFields = z.strictObject({ email: z.email("Give the e-mail of an existing user").max(254), role: roleInput });
export const addMemberInput = addMemberFields.extend({ spaceSlug });
export const changeRoleFields = z.strictObject({ role: roleInput });
export const changeRoleInput = changeRoleFields.extend({ spaceSlug, userId });
export const mapIdentityFields = z.strictObject({ email: z.email("Give the e-mail of an existing user").max(254) });
export const mapIdentityInput = mapIdentityFields.extend({ spaceSlug, userId });
export type MapIdentityInput = z.infer<typeof mapIdentityInput>;
export const removeMemberInput = z.strictObject({ spaceSlug, userId });
export const leaveSpaceInput = z.strictObject({ spaceSlug });
export const createInvitationInput = z.strictObject({
  spaceSlug,
  role: roleInput,
  expiresInDays: z.coerce.number().int().min(1, "An invitation lasts at least one day.").max(30, "An invitation lasts at most 30 days.").default(7),
});
export const revokeInvitationInput = z.strictObject({ spaceSlug, invitationId: z.string().min(1).max(64) });
export const acceptInvitationInput = z.strictObject({ token: z.string().min(20).max(200) });
export const requestToJoinInput = z.strictObject({ spaceSlug, message: z.string().trim().max(1000, "Keep it under 1,000 characters").default("") });
export const decideJoinRequestInput = z.strictObject({ spaceSlug, requestId: z.string().min(1).max(64), accept: z.boolean() });

export const memberOutput = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  role: roleInput,
  joinedAt: z.string(),
});
