import { describe, expect, it } from "vitest";
import { z } from "zod";
import { noBody, parseInput } from "@/lib/validation";
import * as audits from "@/lib/audits/schema";
import * as auditEndpoints from "@/lib/audits/endpoints";
import * as charter from "@/lib/charter/schema";
import * as charterInput from "@/lib/charter/schema-input";
import * as concerns from "@/lib/concerns/schema";
import * as decisions from "@/lib/decisions/schema";
import * as members from "@/lib/members/schema";
import * as releases from "@/lib/releases/schema";
import * as releaseEndpoints from "@/lib/releases/endpoints";
import * as spaces from "@/lib/spaces/schema";
import * as spaceEndpoints from "@/lib/spaces/endpoints";
import * as tokens from "@/lib/tokens/schema";
import * as users from "@/lib/users/schema";

// Every exported object schema named as an input (…Input, …Fields, …Body, …Link, …Entry) must refuse
// unknown fields: found by name, so a new input schema is checked without being listed here.
const modules = { audits, auditEndpoints, charter, charterInput, concerns, decisions, members, releases, releaseEndpoints, spaces, spaceEndpoints, tokens, users };
// URL query filters are read leniently on purpose: a link may carry foreign parameters (utm_*, cache busters).
const lenient = new Set(["releases.listReleasesQuery"]);

const inputs = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports as Record<string, unknown>)
    .filter(([name, value]) => value instanceof z.ZodObject && /(Input|Fields|Body|Link|Entry|Document)$/.test(name))
    .map(([name, value]) => [`${module}.${name}`, value as z.ZodObject] as const)
    .filter(([name]) => !lenient.has(name)),
);

describe("input schemas are strict", () => {
  it("finds the input schemas", () => {
    expect(inputs.map(([name]) => name)).toEqual(
      expect.arrayContaining(["decisions.openDecisionFields", "releases.artifactInput", "spaceEndpoints.apiAmendCharterBody", "auditEndpoints.apiFileReportBody"]),
    );
    expect(inputs.length).toBeGreaterThan(30);
  });

  it.each(inputs)("%s refuses an unknown field, naming it", (_name, schema) => {
    expect(schema._zod.def.catchall?._zod.def.type).toBe("never");
    const result = parseInput(schema, { quorom: { type: "count" } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.quorom).toEqual(['Unknown field "quorom".']);
  });

  it("the empty body of a write without one takes {} and nothing else", () => {
    expect(parseInput(noBody, {})).toEqual({ ok: true, data: {} });
    expect(parseInput(noBody, { force: true })).toMatchObject({ ok: false, error: { message: 'Unknown field "force".' } });
  });

  it("nested inputs are strict too: a misspelt quorum key of a decision is refused, not dropped", () => {
    const result = parseInput(decisions.openDecisionInput, {
      spaceSlug: "lumen",
      title: "Adopt the policy",
      kind: "policy",
      hours: 72,
      quorum: { type: "count", value: 3, vlaue: 4 },
      options: [{ label: "A", lable: "B" }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID_INPUT", fields: { "quorum.vlaue": ['Unknown field "vlaue".'], "options.0.lable": ['Unknown field "lable".'] } },
    });
  });

  it("extend() and omit() keep strictness", () => {
    expect(parseInput(decisions.castBallotInput, { decisionId: "d1", choice: "yes", extra: 1 })).toMatchObject({ ok: false, error: { fields: { extra: ['Unknown field "extra".'] } } });
    expect(parseInput(auditEndpoints.apiReviewBody, { verdict: "accept", reportId: "r1" })).toMatchObject({ ok: false, error: { fields: { reportId: ['Unknown field "reportId".'] } } });
  });
});
