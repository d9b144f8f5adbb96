// API endpoints for a space's members (the OpenAPI document is built from these).
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { addMemberFields, changeRoleFields, mapIdentityFields, memberOutput } from "@/lib/members/schema";
import { roleInput } from "@/lib/roles";

// The API's bodies are the use cases' own input schemas, less what the path carries: one set of rules and messages.
export const apiAddMemberBody = addMemberFields;
export const apiChangeRoleBody = changeRoleFields;
export const apiMapIdentityBody = mapIdentityFields;

const tag = "spaces";
const spacePath = "/api/v1/spaces/{slug}";

export const memberEndpoints: Endpoint[] = [
  { method: "get", path: `${spacePath}/members`, summary: "A space's members", tag, auth: "optional", response: z.object({ members: z.array(memberOutput) }), errors: [404] },
  { method: "post", path: `${spacePath}/members`, summary: "Add an existing user by e-mail (roles the charter allows to invite)", tag, auth: "required", body: apiAddMemberBody, response: memberOutput, status: 201, errors: [403, 404, 409] },
  { method: "patch", path: `${spacePath}/members/{userId}`, summary: "Change a member's role", tag, auth: "required", body: apiChangeRoleBody, response: memberOutput, errors: [403, 404, 422] },
  {
    method: "post",
    path: `${spacePath}/members/{userId}/identity`,
    summary: "Map a person who arrived with an imported archive, still unclaimed, to an existing user (owners of a fork)",
    description:
      "The user with this e-mail takes the person's place and role in the space (event member.identity_mapped); the person's past events keep their id. A mirror answers 403 MIRROR_READ_ONLY; a member who is not an unclaimed imported person answers 409 NOT_UNCLAIMED; a user who is already a member, 409 ALREADY_MEMBER.",
    tag,
    auth: "required",
    body: apiMapIdentityBody,
    response: memberOutput.extend({ mappedFrom: z.string() }),
    errors: [401, 403, 404, 409],
  },
  {
    method: "delete",
    path: `${spacePath}/invitations/{id}`,
    summary: "Revoke an open invitation link (roles that may invite as the link's role)",
    description: "No body. Another space's invitation answers 404 like a missing one; a used, revoked or expired link answers 409 INVITATION_CLOSED.",
    tag,
    auth: "required",
    response: z.object({ id: z.string(), role: roleInput }),
    errors: [401, 403, 404, 409],
  },
  { method: "delete", path: `${spacePath}/members/{userId}`, summary: "Remove a member (or leave, with your own id)", tag, auth: "required", response: z.object({ removed: z.string() }), errors: [403, 404, 422] },
];
