import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/api/endpoints";
import { buildOpenApi } from "@/lib/api/openapi";
import { contentSecurityPolicy } from "@/proxy";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/spaces/[slug]/route.ts -> /api/v1/spaces/{slug} */
function openApiPath(file: string): string {
  return (
    "/" +
    path
      .relative("app", path.dirname(file))
      .split(path.sep)
      .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"))
      .join("/")
  );
}

describe("the OpenAPI document", () => {
  const doc = buildOpenApi(endpoints, { version: "test" });

  it("is OpenAPI 3.1 with a shared error shape", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
  });

  it("documents every method of every /api route handler", () => {
    const missing: string[] = [];
    for (const file of routeFiles("app/api")) {
      const apiPath = openApiPath(file);
      if (apiPath.startsWith("/api/auth")) continue; // Auth.js's own protocol endpoints
      const source = readFileSync(file, "utf8");
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (!new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) continue;
        const documented = (doc.paths as Record<string, Record<string, unknown>>)[apiPath]?.[method.toLowerCase()];
        if (!documented) missing.push(`${method} ${apiPath}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("derives request schemas from zod, with required fields", () => {
    const me = (doc.paths as Record<string, Record<string, { responses: Record<string, { content?: { "application/json": { schema: { required?: string[] } } } }> }>>)["/api/v1/me"]?.get;
    expect(me?.responses["200"]?.content?.["application/json"].schema.required).toEqual(["id", "name", "email"]);
    expect(Object.keys(me?.responses ?? {})).toContain("401");
  });
});

describe("the OpenAPI document's write endpoints", () => {
  const doc = buildOpenApi(endpoints, { version: "test" });
  type Operation = { responses: Record<string, unknown>; requestBody?: { content: Record<string, { schema: { additionalProperties?: unknown } }> } };
  const writes = endpoints.filter((e) => e.method !== "get" && e.path.startsWith("/api/v1/"));
  const operation = (e: (typeof writes)[number]) => (doc.paths as Record<string, Record<string, Operation>>)[e.path]![e.method]!;

  it.each(writes.map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))("%s documents 400, 403 (cross-site) and 415", (_name, e) => {
    expect(Object.keys(operation(e).responses)).toEqual(expect.arrayContaining(["400", "403", "415"]));
  });

  it.each(writes.filter((e) => e.body).map((e) => [`${e.method.toUpperCase()} ${e.path}`, e] as const))("%s takes only application/json, with no unknown fields", (_name, e) => {
    const content = operation(e).requestBody!.content;
    expect(Object.keys(content)).toEqual(["application/json"]);
    expect(content["application/json"]!.schema.additionalProperties).toBe(false);
  });

  it("leaves the demo sign-in form post out of the JSON rules", () => {
    const demo = (doc.paths as Record<string, Record<string, Operation>>)["/api/demo-login"]!.post!;
    expect(Object.keys(demo.responses)).not.toContain("415");
  });
});

describe("the Content-Security-Policy", () => {
  it("allows scripts only by nonce, never unsafe-inline, and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", false);
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});
