import { describe, expect, it } from "vitest";
import { checkEnv } from "@/lib/env";
import {
  apiBucket,
  callerKey,
  clientIp,
  rateLimitHeaders,
  rateLimitSettings,
  secondsUntilReset,
  tooManyRequestsMessage,
} from "@/lib/rate-limit/rules";

describe("apiBucket", () => {
  it.each([
    ["POST", "/api/v1/decisions/d1/ballots", "writes"],
    ["PATCH", "/api/v1/spaces/lumen", "writes"],
    ["DELETE", "/api/v1/spaces/lumen/members/u1", "writes"],
    ["put", "/api/v1/spaces/lumen/charter", "writes"],
    ["GET", "/api/v1/spaces/lumen/events.ndjson", "reads"],
    ["GET", "/api/v1/spaces/lumen/events", "reads"],
    ["GET", "/api/v1/spaces/lumen/events/", "reads"],
    ["GET", "/api/v1/spaces/lumen/events/12/proof", "reads"],
    ["GET", "/api/v1/spaces/lumen/consistency", "reads"],
    ["GET", "/api/v1/spaces/lumen/feed.atom", "reads"],
    ["GET", "/api/v1/audits/a1/findings.json", "reads"],
    ["GET", "/api/v1/spaces/lumen", null],
    ["GET", "/api/v1/decisions/d1", null],
    ["GET", "/api/v1/me", null],
    ["HEAD", "/api/v1/spaces/lumen/events.ndjson", "reads"],
    ["OPTIONS", "/api/v1/spaces", null],
    ["GET", "/api/v1/spaces/lumen/receipts/abc", null],
  ])("%s %s counts against %s", (method, path, bucket) => {
    expect(apiBucket(method, path)).toBe(bucket);
  });
});

describe("callerKey", () => {
  it("prefers the token, then the person, then the address", () => {
    expect(callerKey({ tokenId: "t1", userId: "u1", ip: "10.0.0.1" })).toBe("token:t1");
    expect(callerKey({ userId: "u1", ip: "10.0.0.1" })).toBe("user:u1");
    expect(callerKey({ ip: "10.0.0.1" })).toBe("ip:10.0.0.1");
  });

  it("does not count an anonymous caller whose address is unknown: one shared key would let one client lock out all", () => {
    expect(callerKey({})).toBeNull();
    expect(callerKey({ tokenId: null, userId: null, ip: null })).toBeNull();
  });
});

describe("clientIp", () => {
  it("ignores X-Forwarded-For unless a proxy is trusted", () => {
    expect(clientIp("203.0.113.7", false)).toBeNull();
    expect(clientIp(null, true)).toBeNull();
  });

  it("takes the entry the trusted proxy appended (the last), not what the client claimed", () => {
    expect(clientIp("1.2.3.4, 203.0.113.7", true)).toBe("203.0.113.7");
    expect(clientIp(" 203.0.113.7 ", true)).toBe("203.0.113.7");
    expect(clientIp("203.0.113.7:51234", true)).toBe("203.0.113.7");
    expect(clientIp("[2001:DB8::1]:443", true)).toBe("2001:db8::1");
    expect(clientIp("::ffff:127.0.0.1", true)).toBe("::ffff:127.0.0.1");
  });

  it("refuses anything that is not an address", () => {
    expect(clientIp("1.2.3.4, unknown", true)).toBeNull();
    expect(clientIp("1.2.3.4, <script>", true)).toBeNull();
    expect(clientIp("1.2.3.4,", true)).toBeNull();
  });
});

describe("refusal wording and headers", () => {
  it("rounds the wait up to whole seconds, never 0", () => {
    expect(secondsUntilReset(11_001)).toBe(12);
    expect(secondsUntilReset(12_000)).toBe(12);
    expect(secondsUntilReset(0)).toBe(1);
    expect(secondsUntilReset(-5)).toBe(1);
  });

  it("says how long to wait in a sentence", () => {
    expect(tooManyRequestsMessage(12)).toBe("Too many requests: try again in 12 seconds.");
    expect(tooManyRequestsMessage(1)).toBe("Too many requests: try again in 1 second.");
  });

  it("writes Retry-After and the draft's RateLimit-Policy and RateLimit fields", () => {
    expect(rateLimitHeaders({ bucket: "writes", allowed: false, limit: 120, remaining: 0, resetMs: 11_200 })).toEqual({
      "Retry-After": "12",
      "RateLimit-Policy": '"writes";q=120;w=60',
      RateLimit: '"writes";r=0;t=12',
    });
    expect(rateLimitHeaders({ bucket: "reads", allowed: true, limit: 60, remaining: 59, resetMs: 60_000 })).toEqual({
      "RateLimit-Policy": '"reads";q=60;w=60',
      RateLimit: '"reads";r=59;t=60',
    });
  });
});

describe("the environment's limits", () => {
  const settingsOf = (env: Record<string, string>) => {
    const result = checkEnv(env);
    if (!result.ok) throw new Error(result.problems.join("; "));
    return rateLimitSettings(result.env);
  };

  it("defaults to limits a person never meets", () => {
    expect(settingsOf({})).toEqual({ enabled: true, perWindow: { writes: 120, reads: 60, signin: 30 } });
  });

  it("reads each limit and the off switch", () => {
    expect(
      settingsOf({ CW_RATE_LIMIT_WRITES_PER_MINUTE: "5", CW_RATE_LIMIT_READS_PER_MINUTE: "0", CW_RATE_LIMIT_SIGNIN_PER_MINUTE: "3", CW_RATE_LIMIT_DISABLED: "1" }),
    ).toEqual({ enabled: false, perWindow: { writes: 5, reads: 0, signin: 3 } });
  });

  it.each([
    [{ CW_RATE_LIMIT_WRITES_PER_MINUTE: "lots" }, /^CW_RATE_LIMIT_WRITES_PER_MINUTE must be a whole number of requests per minute/],
    [{ CW_RATE_LIMIT_READS_PER_MINUTE: "1.5" }, /^CW_RATE_LIMIT_READS_PER_MINUTE must be a whole number/],
    [{ CW_RATE_LIMIT_SIGNIN_PER_MINUTE: "-1" }, /^CW_RATE_LIMIT_SIGNIN_PER_MINUTE must be 0 \(no limit\) or more/],
    [{ CW_RATE_LIMIT_DISABLED: "yes" }, /^CW_RATE_LIMIT_DISABLED /],
  ])("names a bad setting in one line: %j", (env, expected) => {
    const result = checkEnv(env);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatch(expected);
    }
  });
});
