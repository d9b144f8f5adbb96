// API endpoints of this module (the OpenAPI document is built from these).
import type { Endpoint } from "@/lib/api/openapi";

export const decisionEndpoints: Endpoint[] = [];
