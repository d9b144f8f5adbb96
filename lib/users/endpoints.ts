// API endpoints for people's profiles (the OpenAPI document is built from these).
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { profileOutput, updateDisplayNameInput } from "@/lib/users/schema";

const tag = "users";

export const userEndpoints: Endpoint[] = [
  {
    method: "get",
    path: "/api/v1/users/{id}",
    summary: "A person's profile: name, sign-in providers by name, the spaces and recent actions you can see",
    description: "Never an e-mail. A person who shares no space or action visible to you answers 404, like an id nobody has.",
    tag,
    auth: "optional",
    response: profileOutput,
    errors: [404],
  },
  {
    method: "patch",
    path: "/api/v1/users/{id}",
    summary: "Change your own display name (recorded as user.renamed)",
    description: "Only your own id: another person's answers 404.",
    tag,
    auth: "required",
    body: updateDisplayNameInput,
    response: z.object({ id: z.string(), name: z.string(), changed: z.boolean() }),
    errors: [400, 401, 404],
  },
];
