"use server";
// Server actions for membership; the use cases authorize each through lib/policy.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import {
  acceptInvitationInput,
  addMemberInput,
  changeRoleInput,
  createInvitationInput,
  decideJoinRequestInput,
  leaveSpaceInput,
  mapIdentityInput,
  removeMemberInput,
  requestToJoinInput,
  revokeInvitationInput,
} from "@/lib/members/schema";
import { acceptInvitation } from "@/lib/members/use-cases/accept-invitation";
import { addMember } from "@/lib/members/use-cases/add-member";
import { changeRole } from "@/lib/members/use-cases/change-role";
import { createInvitation } from "@/lib/members/use-cases/create-invitation";
import { decideJoinRequest } from "@/lib/members/use-cases/decide-join-request";
import { leaveSpace } from "@/lib/members/use-cases/leave-space";
import { mapIdentity } from "@/lib/members/use-cases/map-identity";
import { removeMember } from "@/lib/members/use-cases/remove-member";
import { requestToJoin } from "@/lib/members/use-cases/request-to-join";
import { revokeInvitation } from "@/lib/members/use-cases/revoke-invitation";
import type { Result } from "@/lib/result";

function refresh<T>(result: Result<T>, spaceSlug: string): Result<T> {
  if (result.ok) revalidatePath(`/s/${spaceSlug}`, "layout");
  return result;
}

export const addMemberAction = defineAction(addMemberInput, async (input, actor) =>
  refresh(await addMember(actor, input), input.spaceSlug),
);

export const changeRoleAction = defineAction(changeRoleInput, async (input, actor) =>
  refresh(await changeRole(actor, input), input.spaceSlug),
);

export const removeMemberAction = defineAction(removeMemberInput, async (input, actor) =>
  refresh(await removeMember(actor, input), input.spaceSlug),
);

export const leaveSpaceAction = defineAction(leaveSpaceInput, async (input, actor) =>
  refresh(await leaveSpace(actor, input), input.spaceSlug),
);

export const createInvitationAction = defineAction(createInvitationInput, async (input, actor) =>
  refresh(await createInvitation(actor, input), input.spaceSlug),
);

export const revokeInvitationAction = defineAction(revokeInvitationInput, async (input, actor) =>
  refresh(await revokeInvitation(actor, input), input.spaceSlug),
);

export const acceptInvitationAction = defineAction(acceptInvitationInput, async (input, actor) => {
  const result = await acceptInvitation(actor, input);
  return result.ok ? refresh(result, result.data.spaceSlug) : result;
});

export const requestToJoinAction = defineAction(requestToJoinInput, async (input, actor) =>
  refresh(await requestToJoin(actor, input), input.spaceSlug),
);

export const decideJoinRequestAction = defineAction(decideJoinRequestInput, async (input, actor) =>
  refresh(await decideJoinRequest(actor, input), input.spaceSlug),
);

export const mapIdentityAction = defineAction(mapIdentityInput, async (input, actor) =>
  refresh(await mapIdentity(actor, input), input.spaceSlug),
);
