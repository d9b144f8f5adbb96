import { describe, expect, it } from "vitest";
import { checkEnv, demoLoginEnabled, type AppEnv } from "@/lib/env";

const problemsOf = (env: Record<string, string>) => {
  const result = checkEnv(env);
  return result.ok ? [] : result.problems;
};

describe("checkEnv", () => {
  it("accepts an empty development environment", () => {
    expect(checkEnv({}).ok).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/db" }, /^DATABASE_URL must look like postgresql:\/\//],
    [{ DATABASE_URL: "postgres://user@host:notaport/db" }, /^DATABASE_URL /],
    [{ AUTH_GITHUB_ID: "Iv1.abc" }, /^AUTH_GITHUB_SECRET is missing/],
    [{ AUTH_GITLAB_SECRET: "s" }, /^AUTH_GITLAB_ID is missing/],
    [{ AUTH_HUGGINGFACE_ID: "hf" }, /^AUTH_HUGGINGFACE_SECRET is missing/],
    [{ AUTH_OIDC_ISSUER: "https://id.example.org", AUTH_OIDC_ID: "x" }, /^AUTH_OIDC_SECRET missing/],
    [{ AUTH_OIDC_ISSUER: "not a url", AUTH_OIDC_ID: "x", AUTH_OIDC_SECRET: "y" }, /^AUTH_OIDC_ISSUER must be a URL/],
    [{ NODE_ENV: "production", AUTH_TRUST_HOST: "1" }, /^AUTH_SECRET is missing/],
    [{ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) }, /^AUTH_URL is missing/],
    [{ AUTH_SECRET: "short" }, /^AUTH_SECRET must be at least 32 characters/],
    [{ PORT: "99999" }, /^PORT /],
  ])("names the variable in one line: %j", (env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
    expect(problems[0]).not.toMatch(/\n/);
  });

  it("accepts a complete production configuration", () => {
    const result = checkEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://cw:secret@db.internal:5432/commonweights",
      AUTH_SECRET: "x".repeat(44),
      AUTH_URL: "https://governance.example.org",
      AUTH_OIDC_ISSUER: "https://id.example.org/realms/main",
      AUTH_OIDC_ID: "commonweights",
      AUTH_OIDC_SECRET: "s3cret",
    });
    expect(result.ok).toBe(true);
  });
});

describe("demoLoginEnabled", () => {
  const base = checkEnv({});
  if (!base.ok) throw new Error("base env must parse");
  const env = (overrides: Partial<AppEnv>): AppEnv => ({ ...base.env, ...overrides });

  it.each([
    ["embedded database, no provider", { CW_DATABASE_MODE: "embedded" as const }, true],
    ["embedded database with a provider", { CW_DATABASE_MODE: "embedded" as const, AUTH_GITHUB_ID: "x", AUTH_GITHUB_SECRET: "y" }, false],
    ["configured database", { CW_DATABASE_MODE: "external" as const }, false],
    ["configured database, AUTH_DEMO_LOGIN=1", { CW_DATABASE_MODE: "external" as const, AUTH_DEMO_LOGIN: "1" as const }, true],
    ["embedded, AUTH_DEMO_LOGIN=0", { CW_DATABASE_MODE: "embedded" as const, AUTH_DEMO_LOGIN: "0" as const }, false],
    ["mode unknown (plain next start)", {}, false],
  ])("%s -> %s", (_name, overrides, expected) => {
    expect(demoLoginEnabled(env(overrides))).toBe(expected);
  });
});
