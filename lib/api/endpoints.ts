// Every API endpoint, declared once with its zod schemas; the OpenAPI document is built from this list.
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { userOutput } from "@/lib/users/schema";
import { charterEndpoints, spaceEndpoints } from "@/lib/spaces/endpoints";
import { memberEndpoints } from "@/lib/members/endpoints";
import { releaseEndpoints } from "@/lib/releases/endpoints";
import { auditEndpoints } from "@/lib/audits/endpoints";
import { decisionEndpoints } from "@/lib/decisions/endpoints";
import { concernEndpoints } from "@/lib/concerns/endpoints";
import { recordEndpoints } from "@/lib/record/endpoints";
import { threadEndpoints } from "@/lib/threads/endpoints";
import { userEndpoints } from "@/lib/users/endpoints";
import { webhookEndpoints } from "@/lib/webhooks/endpoints";
import { notificationEndpoints } from "@/lib/notifications/endpoints";

const meta: Endpoint[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Liveness and database reachability",
    tag: "meta",
    auth: "none",
    response: z.object({ status: z.enum(["ok", "degraded"]), db: z.enum(["ok", "down"]) }),
    errors: [503],
  },
  { method: "get", path: "/api/v1/openapi.json", summary: "This document", tag: "meta", auth: "none" },
  {
    method: "post",
    path: "/api/demo-login",
    summary: "Demo sign-in (demo instances only)",
    description:
      "A form post (userId, callbackUrl) from the sign-in page. Refused with 403 DEMO_LOGIN_DISABLED unless the instance runs on its embedded database with no identity provider, or AUTH_DEMO_LOGIN=1.",
    tag: "auth",
    auth: "none",
    status: 303,
    errors: [400, 403],
  },
  {
    method: "get",
    path: "/api/v1/me",
    summary: "The user the request is authenticated as",
    tag: "users",
    auth: "required",
    response: userOutput,
  },
];

export const endpoints: Endpoint[] = [...meta, ...spaceEndpoints, ...memberEndpoints, ...charterEndpoints, ...releaseEndpoints, ...auditEndpoints, ...decisionEndpoints, ...concernEndpoints, ...threadEndpoints, ...recordEndpoints, ...userEndpoints, ...webhookEndpoints, ...notificationEndpoints];
