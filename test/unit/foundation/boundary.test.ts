import { describe, expect, it } from "vitest";
import { z } from "zod";
import { NextRequest } from "next/server";
import { findTextProblem, nulMessage, parseInput } from "@/lib/validation";
import { decodeUtf8, isJsonMediaType, isSameOriginRequest, isWriteMethod } from "@/lib/api/request-checks";
import { proxy, refusesOriginlessPost } from "@/proxy";

describe("findTextProblem: the walk for NUL characters and prototype keys", () => {
  it.each([
    [{ title: "a\u0000b" }, "title", nulMessage],
    [{ artifacts: [{ name: "x" }, { name: "y", uri: "https://e.test/\u0000" }] }, "artifacts.1.uri", nulMessage],
    [["ok", "\u0000"], "1", nulMessage],
    ["\u0000", "", nulMessage],
    [{ "na\u0000me": "x" }, "na\\u0000me", nulMessage],
    [JSON.parse('{"a":{"__proto__":{"polluted":true}}}'), "a.__proto__", 'Unknown field "__proto__".'],
    [{ constructor: { prototype: {} } }, "constructor", 'Unknown field "constructor".'],
    [{ x: [{ prototype: 1 }] }, "x.0.prototype", 'Unknown field "prototype".'],
  ])("finds the problem in %j at %j", (input, path, message) => {
    expect(findTextProblem(input)).toMatchObject({ path, message });
  });

  it("reports the first problem in document order", () => {
    expect(findTextProblem({ a: "fine", b: "\u0000", c: { d: "\u0000" } })?.path).toBe("b");
  });

  it.each([[{ title: "fine", n: 3, ok: true, none: null, list: ["a", ["b"]] }], ["plain"], [42], [null], [undefined], [{ at: new Date() }]])(
    "finds nothing in %j",
    (input) => {
      expect(findTextProblem(input)).toBeNull();
    },
  );

  it("walks FormData entries", () => {
    const form = new FormData();
    form.set("name", "ok");
    form.set("description", "bad\u0000");
    expect(findTextProblem(form)).toMatchObject({ path: "description" });
  });

  it("survives nesting deeper than the call stack", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}"\\u0000"${"]".repeat(100_000)}`);
    expect(findTextProblem(deep)?.message).toBe(nulMessage);
  });
});

describe("parseInput at the boundary", () => {
  const schema = z.strictObject({ title: z.string(), quorum: z.strictObject({ type: z.string() }).optional() });

  it("refuses unknown fields, one entry per field under its own path", () => {
    const result = parseInput(schema, { title: "t", quorom: {}, extra: 1 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "INVALID_INPUT",
        kind: "invalid",
        message: 'Unknown field "quorom".',
        fields: {
          quorom: ['Unknown field "quorom".'],
          extra: ['Unknown field "extra".'],
        },
      },
    });
  });

  it("names an unknown field inside a nested object by its full path", () => {
    expect(parseInput(schema, { title: "t", quorum: { type: "count", value: 2 } })).toMatchObject({
      ok: false,
      error: { message: 'Unknown field "quorum.value".', fields: { "quorum.value": ['Unknown field "value".'] } },
    });
  });

  it("refuses a NUL character under the field's path (the message is the plain sentence), before the schema's own rules", () => {
    expect(parseInput(schema, { title: "a\u0000" })).toEqual({
      ok: false,
      error: { code: "INVALID_INPUT", kind: "invalid", message: nulMessage, fields: { title: [nulMessage] } },
    });
  });

  it("refuses a __proto__ key as unknown, even where the schema would accept any key", () => {
    const result = parseInput(z.record(z.string(), z.unknown()), JSON.parse('{"a":1,"__proto__":{"isAdmin":true}}'));
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", message: 'Unknown field "__proto__".', fields: { __proto__: ['Unknown field "__proto__".'] } } });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("keeps the field-by-field shape of other errors", () => {
    expect(parseInput(schema, { title: 3 })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fields: { title: [expect.any(String)] } } });
    expect(parseInput(schema, { title: "t" })).toEqual({ ok: true, data: { title: "t" } });
  });
});

describe("request checks", () => {
  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON;charset=UTF-8", true],
    ['application/json; charset="utf-8"', true],
    ["application/merge-patch+json", true],
    ["application/json; charset=iso-8859-1", false],
    ["text/plain", false],
    ["text/plain; charset=utf-8", false],
    ["application/x-www-form-urlencoded", false],
    ["multipart/form-data; boundary=x", false],
    ["application/jsonp", false],
    ["text/json", false],
    ["", false],
    [null, false],
  ])("media type %j is JSON: %s", (type, expected) => {
    expect(isJsonMediaType(type)).toBe(expected);
  });

  it("decodes strict UTF-8 and refuses what is not", () => {
    expect(decodeUtf8(new TextEncoder().encode('{"t":"café ✓ 😀"}'))).toBe('{"t":"café ✓ 😀"}');
    expect(decodeUtf8(Uint8Array.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]))).toBeNull(); // a broken 2-byte sequence
    expect(decodeUtf8(Uint8Array.from([0xff]))).toBeNull();
    expect(decodeUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull(); // an encoded surrogate
  });

  it.each([
    ["POST", true],
    ["put", true],
    ["PATCH", true],
    ["DELETE", true],
    ["GET", false],
    ["HEAD", false],
    ["OPTIONS", false],
  ])("%s is a write: %s", (method, expected) => {
    expect(isWriteMethod(method)).toBe(expected);
  });
});

describe("isSameOriginRequest", () => {
  const url = "http://localhost:3000/api/v1/spaces";
  const check = (headers: Record<string, string>, settings = { trustForwardedHost: false } as { authUrl?: string; trustForwardedHost: boolean }) =>
    isSameOriginRequest({ url, headers: new Headers(headers) }, settings);

  it.each<[string, Record<string, string>, { authUrl?: string; trustForwardedHost: boolean } | undefined, boolean]>([
    ["Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }, undefined, true],
    ["Sec-Fetch-Site same-origin, whatever the Origin", { "sec-fetch-site": "same-origin", origin: "null" }, undefined, true],
    ["the request URL's origin", { origin: "http://localhost:3000" }, undefined, true],
    ["AUTH_URL's origin", { origin: "https://gov.example.org" }, { authUrl: "https://gov.example.org/", trustForwardedHost: false }, true],
    ["the Host header's host", { origin: "https://gov.example.org", host: "gov.example.org" }, undefined, true],
    ["the Host header, case-insensitively", { origin: "https://gov.example.org", host: "Gov.Example.org" }, undefined, true],
    ["X-Forwarded-Host behind a trusted proxy", { origin: "https://gov.example.org", host: "app:3000", "x-forwarded-host": "gov.example.org" }, { trustForwardedHost: true }, true],
    ["X-Forwarded-Host when the proxy is not trusted", { origin: "https://gov.example.org", host: "app:3000", "x-forwarded-host": "gov.example.org" }, undefined, false],
    ["a foreign Origin", { origin: "https://evil.example", host: "gov.example.org" }, undefined, false],
    ["a foreign Origin with Sec-Fetch-Site cross-site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, undefined, false],
    ["a same-site but other-origin page", { origin: "https://blog.gov.example.org", host: "gov.example.org", "sec-fetch-site": "same-site" }, undefined, false],
    ["another port on the same host", { origin: "http://localhost:4000" }, undefined, false],
    ["Origin: null", { origin: "null", host: "localhost:3000" }, undefined, false],
    ["no Origin and no Sec-Fetch-Site", { host: "localhost:3000" }, undefined, false],
    ["a non-http Origin", { origin: "file://", host: "localhost:3000" }, undefined, false],
    ["an Origin that does not parse", { origin: "::::", host: "localhost:3000" }, undefined, false],
  ])("%s → %s", (_name, headers, settings, expected) => {
    expect(check(headers, settings)).toBe(expected);
  });
});

describe("the proxy refuses page POSTs (server actions) without an Origin", () => {
  it.each([
    ["POST", {}, true],
    ["POST", { origin: "null" }, true],
    ["POST", { origin: " " }, true],
    ["POST", { origin: "http://localhost:3000" }, false],
    ["GET", {}, false],
  ])("%s %j refused: %s", (method, headers, expected) => {
    expect(refusesOriginlessPost(method, new Headers(headers))).toBe(expected);
  });

  it("answers 403 CROSS_SITE_REQUEST to a server-action POST without Origin, and passes one with it (with the CSP)", async () => {
    const action = { "next-action": "abc123", "content-type": "text/plain;charset=UTF-8" };
    const refused = proxy(new NextRequest("http://localhost:3000/s/lumen", { method: "POST", headers: action, body: "[]" }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "CROSS_SITE_REQUEST" } });
    const passed = proxy(new NextRequest("http://localhost:3000/s/lumen", { method: "POST", headers: { ...action, origin: "http://localhost:3000" }, body: "[]" }));
    expect(passed.status).toBe(200);
    expect(passed.headers.get("content-security-policy")).toContain("script-src 'self' 'nonce-");
    const page = proxy(new NextRequest("http://localhost:3000/s/lumen"));
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
