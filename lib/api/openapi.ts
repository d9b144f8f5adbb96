// Builds the OpenAPI 3.1 document from the endpoints' zod schemas, so the document cannot drift.
import { z } from "zod";
import type { Endpoint } from "@/lib/endpoint";
import { apiBucket } from "@/lib/rate-limit/rules";

export const errorBody = z.object({
    error: z.object({
      code: z.string().describe("Stable machine-readable code, e.g. INVALID_INPUT, NOT_FOUND, VOTING_CLOSED"),
      message: z.string().describe("A sentence for people"),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("Per-field problems for invalid input"),
    }),
  });

const statusText: Record<number, string> = {
  400: "Invalid input",
  401: "Not signed in, or the bearer token is unknown or revoked",
  403: "The policy does not allow this; or CROSS_SITE_REQUEST: a write signed in by the session cookie came from another site",
  404: "Not found (private spaces answer 404 to non-members)",
  409: "Conflict with the current state",
  415: "UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json",
  422: "A governance rule refuses this",
  429: "Too many requests",
  503: "The database is unreachable",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
}

export function buildOpenApi(endpoints: Endpoint[], { version }: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const parameters = [
      ...[...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } })),
      ...Object.entries(e.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: "query",
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType, "input"),
      })),
    ];
    const responses: Record<string, unknown> = {
      [String(e.status ?? 200)]: {
        description: "Success",
        ...(e.response ? { content: { "application/json": { schema: jsonSchema(e.response, "output") } } } : {}),
      },
    };
    // Every /api/v1 write reads its body through readBody (415 for a body that is not JSON) and refuses
    // cookie-authenticated cross-site requests (403).
    const apiWrite = e.method !== "get" && e.path.startsWith("/api/v1/");
    const errors = new Set([
      ...(e.errors ?? []),
      ...(e.body ? [400] : []),
      ...(e.auth === "required" ? [401] : []),
      ...(apiWrite ? [400, 403, 415] : []),
      ...(apiBucket(e.method, e.path) ? [429] : []),
    ]);
    for (const code of [...errors].sort()) {
      responses[String(code)] = {
        description: statusText[code] ?? "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    (paths[e.path] ??= {})[e.method] = {
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      tags: [e.tag],
      ...(e.auth === "required" ? { security: [{ bearer: [] }, { session: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(e.body, "input") } } } } : {}),
      responses,
    };
  }
  const { $schema: _drop, ...errorSchema } = jsonSchema(errorBody, "output") as Record<string, unknown>;
  return {
    openapi: "3.1.0",
    info: {
      title: "Commonweights API",
      version,
      description: "Govern open models: spaces, releases, audits, decisions and the governance record.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal access token from Settings (cw_pat_…)" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
