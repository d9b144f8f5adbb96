// The unsubscribe token is the whole authorization of the one-click POST: only an untouched token verifies.
import { describe, expect, it } from "vitest";
import { signUnsubscribe, verifyUnsubscribe } from "@/lib/mail/unsubscribe-token";

const env = { AUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789" };

describe("unsubscribe tokens", () => {
  const token = signUnsubscribe({ userId: "user_ada", kind: "decision_opened" }, env);
  it("verifies its own token", () => {
    expect(verifyUnsubscribe(token, env)).toEqual({ userId: "user_ada", kind: "decision_opened" });
  });
  it("refuses a token signed with another secret", () => {
    expect(verifyUnsubscribe(token, { AUTH_SECRET: "another-secret-another-secret-another" })).toBeNull();
  });
  it("refuses a token whose claim was changed", () => {
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ u: "user_grace", k: "decision_opened" })).toString("base64url")}.${signature}`;
    expect(verifyUnsubscribe(forged, env)).toBeNull();
  });
  it.each(["", "abc", `${token}.x`, token.slice(0, -2), "x".repeat(2000), "\u0000.\u0000"])("refuses %j", (bad) => {
    expect(verifyUnsubscribe(bad, env)).toBeNull();
  });
  it("will not sign without a secret in production", () => {
    expect(() => signUnsubscribe({ userId: "u", kind: "k" }, { NODE_ENV: "production" })).toThrow(/AUTH_SECRET/);
  });
});
