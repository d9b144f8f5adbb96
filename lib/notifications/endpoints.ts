// API endpoints of notifications (the OpenAPI document is built from these): the same use cases as the pages.
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { inboxOutput, markReadInput, preferencesOutput, updatePreferencesInput, watchFields } from "@/lib/notifications/schema";

const tag = "notifications";

export const notificationEndpoints: Endpoint[] = [
  { method: "get", path: "/api/v1/notifications", summary: "Your inbox, newest first, with the unread count", tag, auth: "required", response: inboxOutput, errors: [401] },
  { method: "get", path: "/api/v1/notifications/unread", summary: "How many of your notifications are unread (the header badge polls it)", tag, auth: "required", response: z.object({ unread: z.number().int() }), errors: [401] },
  { method: "post", path: "/api/v1/notifications/read", summary: "Mark notifications read: some ids, or all: true", tag, auth: "required", body: markReadInput, response: z.object({ marked: z.number().int() }), errors: [400, 401] },
  { method: "get", path: "/api/v1/notifications/preferences", summary: "Your channel per kind of notification", tag, auth: "required", response: preferencesOutput, errors: [401] },
  { method: "put", path: "/api/v1/notifications/preferences", summary: "Change your channel for some kinds of notification", tag, auth: "required", body: updatePreferencesInput, response: preferencesOutput, errors: [400, 401] },
  {
    method: "put",
    path: "/api/v1/spaces/{slug}/watch",
    summary: "Watch, mute or reset a space (no itemId) or one of its decisions or releases",
    tag,
    auth: "required",
    body: watchFields,
    response: z.object({ itemId: z.string().nullable(), watching: z.enum(["watch", "mute", "default"]) }),
    errors: [400, 401, 404],
  },
  {
    method: "post",
    path: "/api/v1/unsubscribe",
    summary: "One-click unsubscribe (RFC 8058) from an e-mail's List-Unsubscribe link",
    description: "The signed token in the query is the authorization; no session or Origin is needed. The body a mail client sends is List-Unsubscribe=One-Click (form-encoded).",
    tag,
    auth: "none",
    query: z.object({ token: z.string() }),
    response: z.object({ stopped: z.array(z.string()) }),
    errors: [400],
  },
];
