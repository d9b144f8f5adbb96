// Inputs for membership: roles, invitations, join requests.
import { z } from "zod";
import { roleInput } from "@/lib/roles";

const spaceSlug = z.string().min(1).max(40);

export const addMemberInput = z.strictObject({ spaceSlug, email: z.email("Give the e-mail of an existing user").max(254), role: roleInput });
export const changeRoleInput = z.strictObject({ spaceSlug, userId: z.string().min(1).max(64), role: roleInput });
export const removeMemberInput = z.strictObject({ spaceSlug, userId: z.string().min(1).max(64) });
export const leaveSpaceInput = z.strictObject({ spaceSlug });
export const createInvitationInput = z.strictObject({
  spaceSlug,
  role: roleInput,
  expiresInDays: z.coerce.number().int().min(1, "At least one day").max(30, "At most 30 days").default(7),
});
export const acceptInvitationInput = z.strictObject({ token: z.string().min(20).max(200) });
export const requestToJoinInput = z.strictObject({ spaceSlug, message: z.string().trim().max(1000, "Keep it under 1,000 characters").default("") });
export const decideJoinRequestInput = z.strictObject({ spaceSlug, requestId: z.string().min(1).max(64), accept: z.boolean() });

export const memberOutput = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  role: roleInput,
  joinedAt: z.string(),
});
