import { readFileSync, writeFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { findingStatuses, reportStatuses, reviewVerdicts } from "@/lib/audits/rules";
import { spaceRoles } from "@/lib/policy";
import { registryKinds } from "@/lib/registry/types";
import { checkCatalogEvent, eventCatalog } from "@/lib/record/events/catalog";
import * as auditCatalog from "@/lib/record/events/audits";
import * as vocabulary from "@/lib/record/events/define";
import { spaceRole } from "@/lib/record/events/define";
import { auditCategories, decisionKinds, severities } from "@/lib/charter/schema";
import { votingMethods } from "@/lib/decisions/methods/types";
import { releaseStatuses } from "@/lib/releases/lifecycle";
import { eventsMarkdown } from "@/lib/record/events/docs";
import { eventsJsonSchema } from "@/lib/record/events/json-schema";
import { content } from "./export-fixture";
import { GET } from "@/app/api/v1/events.schema.json/route";
import { buildOpenApi } from "@/lib/api/openapi";
import { recordEndpoints } from "@/lib/record/endpoints";

const docs = "docs/events.md";

describe("the event catalog", () => {
  it("names each type once, as area.verb, at a positive version", () => {
    const types = eventCatalog.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    for (const definition of eventCatalog) {
      expect(definition.type).toMatch(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/);
      expect(definition.version).toBeGreaterThanOrEqual(1);
      expect(definition.written.length).toBeGreaterThan(10);
    }
  });

  it("uses the same vocabularies as the domain modules it mirrors", () => {
    expect(auditCatalog.findingStatuses).toEqual(findingStatuses);
    expect(auditCatalog.reviewVerdicts).toEqual(reviewVerdicts);
    expect(auditCatalog.reportStatuses).toEqual(reportStatuses);
    expect(spaceRole.options).toEqual([...spaceRoles]);
    expect(vocabulary.releaseStatuses).toEqual(releaseStatuses);
    expect(vocabulary.auditCategories).toEqual(auditCategories);
    expect(vocabulary.severities).toEqual(severities);
    expect(vocabulary.decisionKinds).toEqual(decisionKinds);
    expect(vocabulary.votingMethods).toEqual(votingMethods);
    expect(vocabulary.registryKinds).toEqual(registryKinds);
    const published = eventCatalog.find((d) => d.type === "release.published")!;
    const kind = published.data.shape.registry.element.shape.kind;
    expect(kind.options).toEqual([...registryKinds]);
  });

  it("checks a type, a version, a subject and data, and says what does not fit", () => {
    const ballot = { type: "ballot.cast", subject: { decisionId: "d1" }, data: { choice: ["a", "b"], binding: false } };
    expect(checkCatalogEvent(ballot)).toMatchObject({ ok: true, event: ballot });
    expect(checkCatalogEvent({ ...ballot, typeVersion: 1 }).ok).toBe(true);
    expect(checkCatalogEvent({ ...ballot, typeVersion: 3 })).toEqual({ ok: false, reason: "ballot.cast has no version 3 in the event catalog (current: 2)" });
    // Version 2 added `for` (a ballot cast in the place of a person mapped to the actor); version 1 never had it.
    const cast = { ...ballot, data: { ...ballot.data, for: "person-1" } };
    expect(checkCatalogEvent({ ...cast, typeVersion: 2 })).toMatchObject({ ok: true, event: cast });
    expect(checkCatalogEvent({ ...cast, typeVersion: 1 })).toMatchObject({ ok: false, reason: expect.stringMatching(/^ballot\.cast v1: data: /) });
    expect(checkCatalogEvent({ ...ballot, type: "ballot.burned" })).toEqual({ ok: false, reason: "type 'ballot.burned' is not in the event catalog" });
    expect(checkCatalogEvent({ ...ballot, subject: { decisionId: "" } })).toMatchObject({ ok: false, reason: expect.stringMatching(/^ballot\.cast v1: subject\.decisionId: /) });
    expect(checkCatalogEvent({ ...ballot, data: { ...ballot.data, binding: "no" } })).toMatchObject({ ok: false, reason: expect.stringMatching(/^ballot\.cast v1: data\.binding: /) });
  });
});

describe("GET /api/v1/events.schema.json", () => {
  // Formats are left to the patterns zod writes beside them (uuid, date-time), which Ajv checks.
  const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(eventsJsonSchema());

  it("is a valid JSON Schema (draft 2020-12) that accepts catalogued events, old and new", () => {
    const event = { v: 1, ...content(3) };
    expect(validate(event)).toBe(true);
    expect(validate({ ...event, typeVersion: 1, via: "session" })).toBe(true);
  });

  it("is what the route serves, and the OpenAPI document lists it", async () => {
    const response = GET();
    expect(await response.json()).toEqual(eventsJsonSchema());
    const paths = buildOpenApi(recordEndpoints, { version: "test" }).paths as Record<string, unknown>;
    expect(paths["/api/v1/events.schema.json"]).toBeDefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ["an unknown type", { type: "load.appended" }],
    ["data of the wrong shape", { data: { choice: 1, binding: true } }],
    ["an unknown data field", { data: { choice: "+1", binding: true, weight: 2 } }],
    ["an unknown envelope field", { ip: "127.0.0.1" }],
    ["a version the catalog does not have", { typeVersion: 3 }],
    ["an unknown via", { via: "email" }],
  ])("rejects %s, as the zod catalog does", (_name, change) => {
    const event = { v: 1, ...content(3), ...change };
    expect(validate(event)).toBe(false);
    const e = event as { type: unknown; typeVersion?: unknown; subject: unknown; data: unknown; via?: unknown };
    const zodAccepts = checkCatalogEvent(e).ok && (e.via === undefined || ["session", "token", "system"].includes(String(e.via)));
    if (!("ip" in change)) expect(zodAccepts).toBe(false);
  });
});

describe("docs/events.md", () => {
  it("equals the description generated from the catalog (regenerate: UPDATE_DOCS=1 npx vitest run --project unit test/unit/record/events-catalog.test.ts)", () => {
    const generated = eventsMarkdown();
    if (process.env.UPDATE_DOCS === "1") writeFileSync(docs, generated);
    expect(readFileSync(docs, "utf8")).toBe(generated);
    for (const definition of eventCatalog) expect(generated).toContain(`### \`${definition.type}\` (version ${definition.version})`);
  });
});
