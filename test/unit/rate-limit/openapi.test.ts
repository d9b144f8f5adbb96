import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/api/endpoints";
import { buildOpenApi } from "@/lib/api/openapi";

type Paths = Record<string, Record<string, { responses: Record<string, unknown> }>>;

describe("the OpenAPI document and rate limits", () => {
  const paths = (buildOpenApi(endpoints, { version: "test" }) as { paths: Paths }).paths;
  const codes = (path: string, method: string) => Object.keys(paths[path]?.[method]?.responses ?? {});

  it("lists 429 on writes and on the expensive reads", () => {
    expect(codes("/api/v1/decisions/{id}/ballots", "post")).toContain("429");
    expect(codes("/api/v1/spaces", "post")).toContain("429");
    expect(codes("/api/v1/spaces/{slug}/events.ndjson", "get")).toContain("429");
    expect(codes("/api/v1/spaces/{slug}/events", "get")).toContain("429");
  });

  it("does not list 429 on the cheap reads", () => {
    expect(codes("/api/v1/me", "get")).not.toContain("429");
    expect(codes("/api/v1/spaces/{slug}", "get")).not.toContain("429");
    expect(codes("/api/health", "get")).not.toContain("429");
  });
});
