import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { ok } from "@/lib/result";
import { nulMessage } from "@/lib/validation";

// Auth.js's auth() needs Next's request scope; these refusals happen before the actor is read.
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null }));
// Unit tests run without a database; the rate limiter counts in PostgreSQL and is tested in
// test/integration/rate-limit.
process.env.CW_RATE_LIMIT_DISABLED = "1";

describe("defineAction: server actions get the same boundary as the API", () => {
  const handler = vi.fn(async (input: { name: string }) => ok(input.name));
  const action = defineAction(z.strictObject({ name: z.string() }), handler);

  it.each([
    ["a NUL character", { name: "a\u0000b" }, { name: [nulMessage] }],
    ["an unknown field", { name: "ok", nmae: "typo" }, { nmae: ['Unknown field "nmae".'] }],
    ["a __proto__ key", JSON.parse('{"name":"ok","__proto__":{"isAdmin":true}}'), { __proto__: ['Unknown field "__proto__".'] }],
  ])("refuses %s without running the use case", async (_name, input, fields) => {
    handler.mockClear();
    expect(await action(input)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", kind: "invalid", fields } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a NUL character in FormData", async () => {
    const form = new FormData();
    form.set("name", "x\u0000");
    const raw = vi.fn(async () => ok("ran"));
    expect(await defineAction(z.unknown(), raw)(form)).toMatchObject({ ok: false, error: { fields: { name: [nulMessage] } } });
    expect(raw).not.toHaveBeenCalled();
  });

  it("runs the use case with well-formed input", async () => {
    expect(await action({ name: "Amara" })).toEqual({ ok: true, data: "Amara" });
  });
});
