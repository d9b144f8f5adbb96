// The shape an HTTP API endpoint is declared in. Each feature's endpoints.ts lists its own; lib/api/openapi.ts builds the
// document from them. It lives here, below every feature, so that declaring an endpoint does not tie a feature to lib/api
// (whose handler reads sessions and tokens, and whose endpoint list imports every feature).
import type { z } from "zod";

export type Endpoint = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string; // OpenAPI style: /api/v1/spaces/{slug}
  summary: string;
  tag: string;
  auth: "none" | "optional" | "required";
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
  errors?: number[];
  description?: string;
};
