// Catalogued events of membership: adding, roles, removal, invitations and join requests.
import { z } from "zod";
import { defineEvent, id, isoTime, noData, spaceRole } from "@/lib/record/events/define";

const member = z.strictObject({ spaceId: id, userId: id });
const request = z.strictObject({ spaceId: id, userId: id, requestId: id });
const withRole = z.strictObject({ role: spaceRole });

export const memberEvents = [
  defineEvent({ type: "member.added", version: 1, subject: member, data: withRole, written: "An owner or steward adds a person to the space with a role." }),
  defineEvent({
    type: "member.role_changed",
    version: 1,
    subject: member,
    data: z.strictObject({ from: spaceRole, to: spaceRole }),
    written: "A member's role is changed.",
  }),
  defineEvent({ type: "member.removed", version: 1, subject: member, data: withRole, written: "An owner or steward removes a member (data: the role they had)." }),
  defineEvent({
    type: "member.identity_mapped",
    version: 1,
    subject: member,
    data: z.strictObject({ toUserId: id.describe("The user of this instance who takes the person's place"), role: spaceRole }),
    written: "An owner of a fork maps a person who arrived with the archive, still unclaimed, to someone of this instance, who takes their role in the space (the person's past events keep their id).",
  }),
  defineEvent({ type: "member.left", version: 1, subject: member, data: withRole, written: "A member leaves the space (data: the role they had)." }),
  defineEvent({
    type: "member.invited",
    version: 1,
    subject: z.strictObject({ spaceId: id, invitationId: id }),
    data: z.strictObject({ role: spaceRole, expiresAt: isoTime }),
    written: "A single-use invitation link is created for a role.",
  }),
  defineEvent({
    type: "member.invitation_revoked",
    version: 1,
    subject: z.strictObject({ spaceId: id, invitationId: id }),
    data: withRole,
    written: "An unused invitation link is revoked before it expires (data: the role it was for); it no longer works.",
  }),
  defineEvent({
    type: "member.joined",
    version: 1,
    subject: z.strictObject({ spaceId: id, userId: id, invitationId: id }),
    data: withRole,
    written: "A person joins through an invitation link (the actor is the new member).",
  }),
  defineEvent({ type: "member.join_requested", version: 1, subject: request, data: noData, written: "A person asks to join the space." }),
  defineEvent({ type: "member.join_accepted", version: 1, subject: request, data: withRole, written: "A steward accepts a join request; the person becomes a member." }),
  defineEvent({ type: "member.join_declined", version: 1, subject: request, data: noData, written: "A steward declines a join request." }),
] as const;
