import { describe, expect, it } from "vitest";
import { bearerToken, generateToken, hashToken, looksLikeToken } from "@/lib/tokens/rules";
import { safeCallbackPath } from "@/lib/auth/callback";

describe("personal access tokens", () => {
  it("are 256-bit, prefixed, and stored only as their SHA-256", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).toMatch(/^cw_pat_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token.slice(7));
    expect(a.token.startsWith(a.displayPrefix)).toBe(true);
    expect(looksLikeToken(a.token)).toBe(true);
  });

  it.each([
    ["Bearer cw_pat_abc", "cw_pat_abc"],
    ["bearer   cw_pat_abc  ", "cw_pat_abc"],
    ["Basic dXNlcjpwYXNz", null],
    ["Bearer", null],
    [null, null],
  ])("reads %j as %j", (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });

  it.each(["", "cw_pat_", "cw_pat_short", "ghp_0123456789012345678901234567890123456789abc", "cw_pat_" + "a".repeat(44)])(
    "does not look up %j",
    (value) => {
      expect(looksLikeToken(value)).toBe(false);
    },
  );
});

describe("safeCallbackPath", () => {
  it.each([
    ["/s/lumen", "/s/lumen"],
    ["/settings?tab=tokens", "/settings?tab=tokens"],
    ["https://evil.example/", "/"],
    ["//evil.example/path", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    [undefined, "/"],
  ])("%j -> %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
